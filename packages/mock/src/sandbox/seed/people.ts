// The identities: the spec's examples and the people they name (supervisors, assignees), service
// identities, then generated people, department by department, each with a manager, and the
// accounts their department's Access Model gives them; the Provision Team comes from the Service Desk.
import { DAY, HOUR, iso } from '../clock.js';
import { accessModel, displayName, uniqueUsername } from '../lifecycle/identities.js';
import type { IdentityRecord } from '../model.js';
import { COMPANY, DEPARTMENTS, EMAIL_DOMAIN, FIRST_NAMES, LAST_NAMES, OFFICES, SERVICE_IDENTITIES, VENDOR_COMPANIES } from './catalog.js';
import { type SeedContext } from './context.js';

export function identities(ctx: SeedContext) {
  const { store } = ctx.engine;
  const examples = ctx.examples.identities.map((identity) => addPerson(ctx, structuredClone(identity)));
  // People the examples name as supervisors or assignees, so every name points at an identity.
  const assignees = ctx.examples.events.flatMap((e) => (e.assignee ? [e.assignee] : [])).concat(ctx.examples.requests.flatMap((r) => (r.assignee ? [r.assignee] : [])));
  const named = new Set([...examples.map((p) => p.identity.supervisorName), ...assignees.map((a) => a.name)].filter((n): n is string => !!n));
  for (const name of named) {
    if (ctx.people.some((p) => displayName(p) === name)) continue;
    const [lastName, firstName] = name.split(', ');
    const reference = assignees.find((a) => a.name === name);
    const subordinate = examples.find((p) => p.identity.supervisorName === name);
    const department = subordinate?.identity.department ?? (reference ? 'Service Desk' : 'Branch Operations');
    const manager = person(ctx, firstName!, lastName!, department, { id: reference?.id, manager: true });
    ctx.managers.set(department, manager);
  }
  for (const person of examples) {
    const supervisor = ctx.people.find((p) => displayName(p) === person.identity.supervisorName);
    person.supervisorId = supervisor?.identity.id ?? null;
  }
  for (const [first, last, type, department] of SERVICE_IDENTITIES) person(ctx, first, last, department, { type });
  while (store.identities.size < ctx.targets.identities) generatedPerson(ctx);
  for (const person of ctx.people) {
    if (person.identity.status === 'Active') person.accounts = accessModel(store, person.identity.department).map((applicationId) => ({ applicationId, suspended: false }));
  }
  store.actors.provisioners = [
    ...new Map(
      [...assignees, ...ctx.people.filter((p) => p.identity.department === 'Service Desk' && p.identity.type === 'Employee').map((p) => ({ id: p.identity.id, name: displayName(p) }))]
        .map((reference) => [reference.id, reference]),
    ).values(),
  ].slice(0, 12);
}

export function addPerson(ctx: SeedContext, identity: IdentityRecord['identity'], supervisorId: string | null = null): IdentityRecord {
  const { store } = ctx.engine;
  const local = identity.emailAddress?.split('@')[0];
  const username = local && !store.usernames().has(local) ? local : uniqueUsername(store, identity.firstName, identity.lastName);
  store.usernames().add(username);
  const record: IdentityRecord = { identity, supervisorId, username, accounts: [] };
  store.addIdentity(record);
  ctx.people.push(record);
  return record;
}

export function person(
  ctx: SeedContext,
  firstName: string,
  lastName: string,
  department: string,
  options: { id?: string; manager?: boolean; type?: IdentityRecord['identity']['type']; company?: string } = {},
): IdentityRecord {
  const { random, start } = ctx;
  const place = DEPARTMENTS.find((d) => d.department === department) ?? DEPARTMENTS[0]!;
  const manager = ctx.managers.get(department);
  const type = options.type ?? 'Employee';
  const person = type === 'Employee' || type === 'Vendor' || type === 'Temporary' || type === 'Auditor';
  const firstSeen = start - random.int(10, 9 * 365) * DAY - random.int(0, 23) * HOUR;
  const status = options.manager || !person ? 'Active' : random.weighted([['Active', 92], ['Disabled', 6], ['Removed', 2]] as const);
  const inactivated = status === 'Active' ? null : iso(random.int(firstSeen + DAY, start - DAY));
  const username = uniqueUsername(ctx.engine.store, firstName, lastName);
  const title = options.manager
    ? (place.titles.find((t) => /Manager|Lead|Officer|Controller|Supervisor/.test(t)) ?? `${department} Manager`)
    : person
      ? random.pick(place.titles)
      : null;
  const office = place.division === 'Retail Banking' ? random.pick(OFFICES.slice(0, 7)) : random.chance(0.08) ? 'Remote' : random.pick(['Head Office', 'Operations Center']);
  const record: IdentityRecord = {
    identity: {
      id: options.id ?? random.uuid(),
      kind: 'Identity',
      firstName,
      lastName,
      emailAddress: type === 'Service Account' ? null : `${username}@${EMAIL_DOMAIN}`,
      type,
      title,
      company: options.company ?? COMPANY,
      division: place.division,
      department,
      office: person ? office : null,
      supervisorName: manager ? displayName(manager) : null,
      createdDate: iso(firstSeen - random.int(1, 72) * HOUR),
      updatedDate: inactivated ?? iso(random.int(firstSeen, start - DAY)),
      firstSeenDate: iso(firstSeen),
      inactivatedDate: inactivated,
      status,
    },
    supervisorId: manager?.identity.id ?? null,
    username,
    accounts: [],
  };
  ctx.engine.store.addIdentity(record);
  ctx.people.push(record);
  return record;
}

export function generatedPerson(ctx: SeedContext) {
  const { random } = ctx;
  const place = random.pick(DEPARTMENTS);
  if (!ctx.managers.has(place.department)) {
    ctx.managers.set(place.department, person(ctx, random.pick(FIRST_NAMES), random.pick(LAST_NAMES), place.department, { manager: true }));
    return;
  }
  const type = random.weighted([['Employee', 930], ['Vendor', 30], ['Temporary', 20], ['Administrator', 10], ['Auditor', 5], ['Unknown', 5]] as const);
  const company = type === 'Vendor' || type === 'Auditor' ? random.pick(VENDOR_COMPANIES) : undefined;
  const lastName = random.pick(LAST_NAMES);
  person(ctx, random.pick(FIRST_NAMES), type === 'Administrator' ? `${lastName} (Admin)` : lastName, place.department, { type, company });
}

