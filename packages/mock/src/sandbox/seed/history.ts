// HISTORY_DAYS of generated activity before now: personnel events, imports and stand-alone access
// requests, each started at a drawn moment and then moved on by the workflow engine.
import { DAY, MINUTE, startOfDay } from '../clock.js';
import { createEvent, type EventType } from '../lifecycle/events.js';
import { displayName } from '../lifecycle/identities.js';
import { cancelImport, createImport } from '../lifecycle/imports.js';
import { createRequest } from '../lifecycle/requests.js';
import type { AccessRequestAction, ApplicationRecord, IdentityRecord, PlannedFile, UserReference } from '../model.js';
import { COMPANY, DEPARTMENTS, EMAIL_DOMAIN, FIRST_NAMES, GROUP_NAMES, LAST_NAMES, OFFICES } from './catalog.js';
import { day, seedAt, slug, type SeedContext } from './context.js';

export function history(ctx: SeedContext) {
  const { random, start, now, targets } = ctx;
  const when = (count: number) => Array.from({ length: count }, () => random.int(start, now - MINUTE)).sort((a, b) => a - b);
  const events = Math.max(0, targets.events - ctx.examples.events.length);
  when(events).forEach((at, i) => seedAt(ctx, at, `event:${i}`, () => randomEvent(ctx, at)));
  when(Math.max(0, targets.imports - ctx.examples.imports.length)).forEach((at, i) => seedAt(ctx, at, `import:${i}`, () => randomImport(ctx, at)));
  // Events start about one request per account of their identity (a leave two), so the
  // stand-alone requests (reviews, web requests) make up the rest of the target, with a margin.
  const employees = [...ctx.engine.store.identities.values()].filter((p) => p.identity.status === 'Active' && p.identity.type === 'Employee');
  const accounts = employees.reduce((sum, p) => sum + p.accounts.length, 0) / Math.max(1, employees.length);
  const perEvent = accounts * 1.2;
  const standalone = Math.max(Math.round(targets.accessRequests * 0.2), Math.ceil((targets.accessRequests - events * perEvent) * 1.15));
  when(standalone).forEach((at, i) => seedAt(ctx, at, `request:${i}`, () => randomRequest(ctx, at)));
}

/**
 * A random active employee (with accounts, unless told otherwise) who existed at `at`, by
 * rejection sampling: scanning every identity for each of thousands of steps would make large
 * data sets slow to generate.
 */
export function pickPerson(ctx: SeedContext, at: number, withAccounts = true): IdentityRecord | undefined {
  const { identities } = ctx.engine.store;
  if (ctx.pool.length !== identities.size) ctx.pool = [...identities.values()];
  for (let tries = 0; tries < 200; tries += 1) {
    const p = ctx.random.pick(ctx.pool);
    if (p.identity.status === 'Active' && p.identity.type === 'Employee' && Date.parse(p.identity.firstSeenDate) < at && (!withAccounts || p.accounts.length > 0)) return p;
  }
  return undefined;
}

export function randomEvent(ctx: SeedContext, at: number) {
  const { random, engine } = ctx;
  const type = random.weighted<EventType>([['Onboard', 25], ['Offboard', 20], ['Role Transition', 35], ['Absence', 20]]);
  const effectiveDay = day(at + (type === 'Onboard' ? random.int(5, 30) : random.int(0, 30)) * DAY);
  const reporter: UserReference = engine.store.actors.hrToken;
  if (type === 'Onboard') {
    const place = random.pick(DEPARTMENTS);
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const manager = ctx.managers.get(place.department);
    createEvent(engine, {
      type, identityId: null, effectiveDay, endDay: null, reporter, pace: 'historical',
      details: {
        firstName, lastName, email: `${firstName.charAt(0)}${lastName}@${EMAIL_DOMAIN}`.toLowerCase().replace(/[^a-z0-9@.]/g, ''),
        company: COMPANY, division: place.division, department: place.department, title: random.pick(place.titles),
        office: place.division === 'Retail Banking' ? random.pick(OFFICES.slice(0, 7)) : 'Head Office', identityType: 'Employee',
        ...(manager ? { supervisorId: manager.identity.id } : {}),
      },
      comment: random.chance(0.5) ? `New hire for ${place.department}.` : null,
    }, at);
    return;
  }
  const person = pickPerson(ctx, at);
  if (!person) return;
  if (type === 'Role Transition') {
    const place = random.chance(0.5) ? random.pick(DEPARTMENTS) : DEPARTMENTS.find((d) => d.department === person.identity.department) ?? random.pick(DEPARTMENTS);
    const title = random.pick(place.titles);
    const temporary = random.chance(0.2);
    createEvent(engine, {
      type, identityId: person.identity.id, effectiveDay, reporter, pace: 'historical',
      endDay: temporary ? day(startOfDay(effectiveDay) + random.int(30, 90) * DAY) : null,
      details: place.department === person.identity.department ? { title } : { title, division: place.division, department: place.department },
      comment: random.chance(0.4) ? `${temporary ? 'Temporary assignment' : 'Moves'} to ${title}, ${place.department}.` : null,
    }, at);
  } else if (type === 'Absence') {
    const returns = random.chance(0.7);
    createEvent(engine, {
      type, identityId: person.identity.id, effectiveDay, details: null, reporter, pace: 'historical',
      endDay: returns ? day(startOfDay(effectiveDay) + random.int(14, 90) * DAY) : null,
      comment: random.chance(0.5) ? random.pick(['Parental leave.', 'Medical leave.', 'Sabbatical.', 'Personal leave.']) : null,
    }, at);
  } else {
    createEvent(engine, {
      type, identityId: person.identity.id, effectiveDay, details: null, endDay: null, reporter, pace: 'historical',
      comment: random.chance(0.5) ? random.pick(['Resigned.', 'Retiring.', 'Contract ended.', 'Last day in office; collect badge and laptop.']) : null,
    }, at);
  }
}

export function plannedFiles(ctx: SeedContext, connector: ApplicationRecord): PlannedFile[] {
  return connector.fileGroups
    .filter((group) => group.required || ctx.random.chance(0.8))
    .map((group) => ({ fileGroupId: group.id, fileGroup: group.name, name: `${slug(group.name)}.csv`, rows: ctx.random.int(40, 20_000) }));
}

export function randomImport(ctx: SeedContext, at: number) {
  const { random, engine } = ctx;
  const applications = [...engine.store.applications.values()].filter((a) => !a.application.isArchived);
  const kind = random.weighted([['Scheduled', 55], ['stage', 15], ['upload', 10], ['Manual', 20]] as const);
  const eligible = applications.filter((a) => (kind === 'Scheduled' || kind === 'stage' ? a.schedule : a.fileBased));
  if (eligible.length === 0) return;
  const connector = random.pick(eligible);
  const files = connector.fileBased ? plannedFiles(ctx, connector) : [];
  const missing = (kind === 'Scheduled' || kind === 'stage') && connector.schedule && !connector.schedule.filesPresent;
  const failure = missing
    ? `no data file found in ${connector.schedule!.sharedDirectory}`
    : random.chance(0.05)
      ? random.pick(['row 1,204: unknown privilege code PRV_ZZ', 'column employee_id is missing', 'the connector did not answer within 10 minutes'])
      : undefined;
  const operator = kind === 'Manual' ? pickPerson(ctx, at, false) : undefined;
  const createdBy = kind === 'Scheduled' ? 'Scheduler' : operator ? displayName(operator) : ctx.stagedBy;
  const record = createImport(engine, {
    applicationId: connector.application.id,
    type: kind === 'Scheduled' || kind === 'Manual' ? kind : 'API',
    createdBy,
    files: missing ? [] : files,
    attachNow: kind === 'upload' || kind === 'Manual',
    pace: 'historical',
    rows: random.int(50, 5000),
    failure,
  }, at);
  if (random.chance(0.03)) {
    const later = at + random.int(1, 20) * MINUTE;
    seedAt(ctx, later, `cancel-import:${record.import.id}`, () => {
      if (record.import.status === 'Pending' || record.import.status === 'Running') cancelImport(engine, record, createdBy, later);
    });
  }
}

export function randomRequest(ctx: SeedContext, at: number) {
  const { random, engine } = ctx;
  const { store } = engine;
  const applications = [...store.applications.values()].filter((a) => !a.application.isArchived).map((a) => a.application.id);
  const reporter = random.chance(0.5) ? store.actors.system : (() => {
    const managers = [...ctx.managers.values()];
    const manager = random.pick(managers);
    return { id: manager.identity.id, name: displayName(manager) };
  })();
  const fate = random.chance(0.06) ? 'cancel' : 'approve';
  if (random.chance(0.15)) {
    const applicationId = random.pick(applications);
    const group = `${random.pick(GROUP_NAMES)} - ${random.pick(OFFICES).replace(/ Branch$/, '')}`;
    createRequest(engine, {
      action: random.weighted<AccessRequestAction>([['Add', 5], ['Change', 3], ['Remove', 2]]),
      target: { type: 'Group', name: group, nomenclature: `CN=${group.replace(/ /g, '')},OU=Groups,DC=fbov,DC=local`, identityId: null, applicationId },
      eventId: null, pace: 'historical', reporter, status: 'Pending', fate,
    }, at);
    return;
  }
  const person = pickPerson(ctx, at);
  if (!person) return;
  let action = random.weighted<AccessRequestAction>([['Add', 35], ['Change', 25], ['Remove', 20], ['Suspend', 10], ['Restore', 10]]);
  const held = person.accounts.map((a) => a.applicationId);
  const suspended = person.accounts.filter((a) => a.suspended).map((a) => a.applicationId);
  const missing = applications.filter((id) => !held.includes(id));
  if (action === 'Restore' && suspended.length === 0) action = 'Change';
  if (action === 'Add' && missing.length === 0) action = 'Change';
  const applicationId = action === 'Add' ? random.pick(missing) : action === 'Restore' ? random.pick(suspended) : random.pick(held);
  createRequest(engine, {
    action,
    target: { type: 'User', name: person.username, nomenclature: null, identityId: person.identity.id, applicationId },
    eventId: null, pace: 'historical', reporter, status: 'Pending', fate,
  }, at);
}

