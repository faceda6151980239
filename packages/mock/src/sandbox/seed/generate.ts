// Generates a data set from a seed: the spec's example records, then generated applications and
// people of First Bank of Valkyrie, then HISTORY_DAYS of activity (personnel events, imports,
// access requests) played out by the sandbox's own workflow engine up to the clock's "now". Because
// the history is produced by the same lifecycles that serve the API, every record is consistent
// with every other: requests point at existing identities and applications, a completed offboarding
// left its identity disabled, statuses match their timestamps.
//
// The same seed, size and clock start give the same data set. Ids and names depend on the seed and
// size only; dates are relative to the clock's start, except the example records' own.
import { DAY, HOUR, iso, MINUTE, startOfDay } from '../clock.js';
import type { Engine } from '../engine.js';
import { createEvent, startProvisioning, type EventType } from '../lifecycle/events.js';
import { accessModel, displayName, uniqueUsername } from '../lifecycle/identities.js';
import { cancelImport, createImport, enqueue } from '../lifecycle/imports.js';
import { createRequest } from '../lifecycle/requests.js';
import { delay } from '../lifecycle/timing.js';
import type {
  AccessRequestAction, ApplicationImport, ApplicationRecord, EventPhase, EventRecord, FileGroup, IdentityRecord, PlannedFile, UserReference,
} from '../model.js';
import type { Random } from '../random.js';
import {
  APPLICATION_VARIANTS, APPLICATIONS, COMPANY, DEPARTMENTS, EMAIL_DOMAIN, EXAMPLE_APPLICATION_DEPARTMENTS, FIRST_NAMES, GROUP_NAMES,
  LAST_NAMES, OFFICES, PRIORITIES, SERVICE_IDENTITIES, VENDOR_COMPANIES,
} from './catalog.js';
import { onboardingDetails, readExamples, type ExampleSet } from './examples.js';
import { HISTORY_DAYS, SIZES, type SandboxSize, type SizeTargets } from './sizes.js';

const day = (time: number) => iso(time).slice(0, 10);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

class Generator {
  private readonly random: Random;
  private readonly start: number;
  private readonly people: IdentityRecord[] = [];
  /** Department -> its manager, who supervises its people. */
  private readonly managers = new Map<string, IdentityRecord>();
  private readonly seedSteps = new Map<string, () => void>();
  private stagedBy = 'API Token - Automation Service';

  constructor(
    private readonly engine: Engine,
    private readonly examples: ExampleSet,
    private readonly targets: SizeTargets,
    private readonly now: number,
  ) {
    this.random = engine.random;
    this.start = now - HISTORY_DAYS * DAY;
  }

  run(): void {
    const { store } = this.engine;
    this.engine.on('seed', (step) => {
      this.seedSteps.get(step.id)?.();
      this.seedSteps.delete(step.id);
    });
    this.actors();
    this.applications();
    this.coverConnectorCases();
    this.identities();
    this.exampleHistory();
    this.history();
    this.engine.runUntil(this.now);
    this.engine.on('seed', () => undefined);
    store.reorder('identities');
  }

  /** Runs `action` at `at` during the simulation. */
  private at(at: number, key: string, action: () => void) {
    this.seedSteps.set(key, action);
    this.engine.schedule(at, 'seed', key);
  }

  private actors() {
    const { examples, random } = this;
    const system = examples.requests.map((r) => r.reporter).find((r) => r.name === 'Permission Assist') ?? { id: random.uuid(), name: 'Permission Assist' };
    const hrToken = examples.events[0]?.reporter ?? { id: random.uuid(), name: 'API Token - HR Integration' };
    const staged = examples.imports.find((i) => i.type === 'API' && i.createdBy);
    if (staged?.createdBy) this.stagedBy = staged.createdBy;
    this.engine.store.actors = { system, hrToken, apiToken: { id: random.uuid(), name: 'API Token - Sandbox' }, provisioners: [] };
  }

  // --- applications ------------------------------------------------------------------------

  private applications() {
    const { store } = this.engine;
    for (const application of this.examples.applications) {
      const imports = this.examples.imports.filter((i) => i.application?.id === application.id);
      const withFiles = imports.filter((i) => i.files?.length);
      const groups = new Map<string, { name: string; count: number }>();
      for (const file of withFiles.flatMap((i) => i.files ?? [])) {
        const group = groups.get(file.fileGroupId) ?? { name: file.fileGroup, count: 0 };
        group.count += 1;
        groups.set(file.fileGroupId, group);
      }
      const fileGroups = groups.size
        ? [...groups].map(([id, { name, count }]) => ({ id, name, required: count === withFiles.length }))
        : this.fileGroups();
      const departments = EXAMPLE_APPLICATION_DEPARTMENTS[application.name] ?? [];
      store.addApplication({
        application: structuredClone(application),
        schedule: imports.some((i) => i.type === 'Scheduled') || this.random.chance(0.7) ? this.schedule(application.name, true) : null,
        fileBased: true,
        fileGroups,
        departments: departments === '*' ? ['*'] : departments,
      });
    }
    const catalog = [...APPLICATIONS];
    for (let i = 0; store.applications.size < this.targets.applications; i += 1) {
      const [baseName, departments, connector] = catalog[i % catalog.length]!;
      const variant = Math.floor(i / catalog.length);
      const name = variant === 0 ? baseName : `${baseName} - ${APPLICATION_VARIANTS[(variant - 1) % APPLICATION_VARIANTS.length]}${variant > APPLICATION_VARIANTS.length ? ` ${variant}` : ''}`;
      const everyone = departments === '*';
      const files = connector === 'files';
      store.addApplication({
        application: {
          id: this.random.uuid(),
          kind: 'Application',
          name,
          priority: this.random.weighted(PRIORITIES),
          isArchived: !everyone && variant === 0 && this.random.chance(0.04),
          lastUpdated: iso(this.start - this.random.int(1, 60) * DAY),
        },
        schedule: this.random.chance(0.8) ? this.schedule(name, !files || this.random.chance(0.9)) : null,
        fileBased: files,
        fileGroups: files ? this.fileGroups() : [],
        // Copies (test, staging...) are used by IT only.
        departments: variant > 0 ? ['Application Development', 'Infrastructure'] : everyone ? ['*'] : departments,
      });
    }
  }

  /**
   * Every seed has at least one application in each situation an integration must handle: no
   * import schedule (stage gets 422), a schedule whose files are missing (the staged import fails),
   * and a connector that does not read files (upload gets 422).
   */
  private coverConnectorCases() {
    const generated = [...this.engine.store.applications.values()].filter((a) => !a.application.isArchived && !a.departments.includes('*')).slice(3);
    const [noSchedule, missingFiles] = [generated.at(-1), generated.at(-2)];
    if (noSchedule && generated.every((a) => a.schedule !== null)) noSchedule.schedule = null;
    if (missingFiles && !generated.some((a) => a.schedule && !a.schedule.filesPresent && a.fileBased)) {
      const fileBased = generated.filter((a) => a.fileBased && a.schedule).at(0);
      if (fileBased) fileBased.schedule = { ...fileBased.schedule!, filesPresent: false };
    }
  }

  private schedule(name: string, filesPresent: boolean): ApplicationRecord['schedule'] {
    return { sharedDirectory: `\\\\fbov-files\\imports\\${slug(name)}`, filesPresent };
  }

  private fileGroups(): FileGroup[] {
    const groups: FileGroup[] = [{ id: this.random.uuid(), name: 'Employees', required: true }];
    if (this.random.chance(0.6)) groups.push({ id: this.random.uuid(), name: 'Privileges', required: false });
    if (this.random.chance(0.3)) groups.push({ id: this.random.uuid(), name: 'Groups', required: false });
    return groups;
  }

  // --- identities --------------------------------------------------------------------------

  private identities() {
    const { store } = this.engine;
    const examples = this.examples.identities.map((identity) => this.addPerson(structuredClone(identity)));
    // People the examples name as supervisors or assignees, so every name points at an identity.
    const assignees = this.examples.events.flatMap((e) => (e.assignee ? [e.assignee] : [])).concat(this.examples.requests.flatMap((r) => (r.assignee ? [r.assignee] : [])));
    const named = new Set([...examples.map((p) => p.identity.supervisorName), ...assignees.map((a) => a.name)].filter((n): n is string => !!n));
    for (const name of named) {
      if (this.people.some((p) => displayName(p) === name)) continue;
      const [lastName, firstName] = name.split(', ');
      const reference = assignees.find((a) => a.name === name);
      const subordinate = examples.find((p) => p.identity.supervisorName === name);
      const department = subordinate?.identity.department ?? (reference ? 'Service Desk' : 'Branch Operations');
      const manager = this.person(firstName!, lastName!, department, { id: reference?.id, manager: true });
      this.managers.set(department, manager);
    }
    for (const person of examples) {
      const supervisor = this.people.find((p) => displayName(p) === person.identity.supervisorName);
      person.supervisorId = supervisor?.identity.id ?? null;
    }
    for (const [first, last, type, department] of SERVICE_IDENTITIES) this.person(first, last, department, { type });
    while (store.identities.size < this.targets.identities) this.generatedPerson();
    for (const person of this.people) {
      if (person.identity.status === 'Active') person.accounts = accessModel(store, person.identity.department).map((applicationId) => ({ applicationId, suspended: false }));
    }
    store.actors.provisioners = [
      ...new Map(
        [...assignees, ...this.people.filter((p) => p.identity.department === 'Service Desk' && p.identity.type === 'Employee').map((p) => ({ id: p.identity.id, name: displayName(p) }))]
          .map((reference) => [reference.id, reference]),
      ).values(),
    ].slice(0, 12);
  }

  private addPerson(identity: IdentityRecord['identity'], supervisorId: string | null = null): IdentityRecord {
    const { store } = this.engine;
    const local = identity.emailAddress?.split('@')[0];
    const username = local && !store.usernames().has(local) ? local : uniqueUsername(store, identity.firstName, identity.lastName);
    store.usernames().add(username);
    const record: IdentityRecord = { identity, supervisorId, username, accounts: [] };
    store.addIdentity(record);
    this.people.push(record);
    return record;
  }

  private person(
    firstName: string,
    lastName: string,
    department: string,
    options: { id?: string; manager?: boolean; type?: IdentityRecord['identity']['type']; company?: string } = {},
  ): IdentityRecord {
    const { random, start } = this;
    const place = DEPARTMENTS.find((d) => d.department === department) ?? DEPARTMENTS[0]!;
    const manager = this.managers.get(department);
    const type = options.type ?? 'Employee';
    const person = type === 'Employee' || type === 'Vendor' || type === 'Temporary' || type === 'Auditor';
    const firstSeen = start - random.int(10, 9 * 365) * DAY - random.int(0, 23) * HOUR;
    const status = options.manager || !person ? 'Active' : random.weighted([['Active', 92], ['Disabled', 6], ['Removed', 2]] as const);
    const inactivated = status === 'Active' ? null : iso(random.int(firstSeen + DAY, start - DAY));
    const username = uniqueUsername(this.engine.store, firstName, lastName);
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
    this.engine.store.addIdentity(record);
    this.people.push(record);
    return record;
  }

  private generatedPerson() {
    const { random } = this;
    const place = random.pick(DEPARTMENTS);
    if (!this.managers.has(place.department)) {
      this.managers.set(place.department, this.person(random.pick(FIRST_NAMES), random.pick(LAST_NAMES), place.department, { manager: true }));
      return;
    }
    const type = random.weighted([['Employee', 930], ['Vendor', 30], ['Temporary', 20], ['Administrator', 10], ['Auditor', 5], ['Unknown', 5]] as const);
    const company = type === 'Vendor' || type === 'Auditor' ? random.pick(VENDOR_COMPANIES) : undefined;
    const lastName = random.pick(LAST_NAMES);
    this.person(random.pick(FIRST_NAMES), type === 'Administrator' ? `${lastName} (Admin)` : lastName, place.department, { type, company });
  }

  // --- the spec's example records, played from their own dates ----------------------------------

  private exampleHistory() {
    const { store } = this.engine;
    const numbers = { personnelEvent: 0, applicationImport: 0, accessRequest: 0 };

    for (const example of this.examples.requests) {
      const { target, ...request } = structuredClone(example);
      numbers.accessRequest = Math.max(numbers.accessRequest, request.number);
      const createdAt = Date.parse(request.approvedOn ?? request.startedOn ?? request.scheduledStart ?? iso(this.start)) - HOUR;
      store.addRequest({
        request,
        target: {
          type: target.type,
          name: target.name,
          nomenclature: target.type === 'Group' ? target.nomenclature : null,
          identityId: target.affectedIdentity?.id ?? null,
          applicationId: target.application.id,
        },
        createdAt,
        pace: 'historical',
        eventId: null,
        fate: 'approve',
      });
      const since = Date.parse(request.startedOn ?? request.approvedOn ?? iso(createdAt));
      if (request.status === 'Open') this.engine.schedule(since + delay('requestProvisioning', 'historical', this.random), 'request.resolve', request.id);
      if (request.status === 'Pending') this.engine.schedule(createdAt + delay('requestApproval', 'historical', this.random), 'request.approve', request.id);
    }

    for (const example of this.examples.events) {
      const { affectedIdentity, ...event } = structuredClone(example);
      numbers.personnelEvent = Math.max(numbers.personnelEvent, event.number);
      event.activity ??= [];
      event.comments ??= [];
      event.stages ??= [];
      const effectiveDay = event.neededOn.slice(0, 10);
      const due = startOfDay(effectiveDay);
      const phases: Partial<Record<string, EventPhase>> = { Scheduled: 'scheduled', Pending: 'approval', Open: 'provision', Resolved: 'verification' };
      const record: EventRecord = {
        event,
        identityId: affectedIdentity?.id ?? null,
        phase: phases[event.status] ?? 'done',
        createdAt: due - 14 * DAY,
        pace: 'historical',
        effectiveDay,
        endDay: event.neededUntil?.slice(0, 10) ?? null,
        details: event.type === 'Onboard' ? (onboardingDetails(this.examples, example) ?? null) : null,
        requestIds: [],
        deferredIds: [],
      };
      store.addEvent(record);
      if (event.status === 'Scheduled') this.engine.schedule(due, 'event.due', event.id);
      if (event.status === 'Pending') this.engine.schedule(due + delay('eventApproval', 'historical', this.random), 'event.approve', event.id);
      // An example shown Open had passed Approve on its effective date: its access work starts then.
      if (event.status === 'Open') this.at(due, `provision:${event.id}`, () => startProvisioning(this.engine, record, due));
      if (event.status === 'Resolved') this.engine.schedule(due + delay('eventVerification', 'historical', this.random), 'event.verify', event.id);
    }

    const taken = new Set<number>();
    // An example import shown still queued was queued an hour after its application's latest example build.
    const latestBuild = (applicationId: string) => {
      const starts = this.examples.imports.filter((i) => i.application?.id === applicationId && i.buildStart).map((i) => Date.parse(i.buildStart!));
      return starts.length ? Math.max(...starts) : this.start;
    };
    for (const example of this.examples.imports) {
      const { application, ...imported } = structuredClone(example) as ApplicationImport;
      // The vendor's list and cancel samples both number their import 47; the second one seen gets
      // the next free number below the examples' (the mock README says so).
      if (taken.has(imported.number)) imported.number = Math.min(...taken) - 1;
      taken.add(imported.number);
      numbers.applicationImport = Math.max(numbers.applicationImport, imported.number);
      const applicationId = application!.id;
      const connector = store.applications.get(applicationId)!;
      const queuedAt = imported.buildStart ? Date.parse(imported.buildStart) : latestBuild(applicationId) + HOUR;
      const planned = imported.status === 'Pending' && connector.fileBased ? this.plannedFiles(connector) : [];
      const record = {
        import: { createdBy: 'Scheduler', log: null, files: [], metrics: null, ...imported },
        applicationId,
        plannedFiles: planned,
        createdAt: queuedAt,
        pace: 'historical' as const,
        outcome: { status: 'Finished' as const, metrics: { rowsRead: planned.reduce((sum, f) => sum + f.rows, 0) } },
      };
      if (['Finished', 'Failed', 'Canceled'].includes(imported.status)) {
        store.addImport(record);
        continue;
      }
      this.at(queuedAt, `example-import:${imported.id}`, () => {
        if (imported.status === 'Pending') return enqueue(this.engine, record, queuedAt);
        store.addImport(record);
        store.importSlot = imported.id;
        if (imported.status === 'Running') this.engine.schedule(queuedAt + delay('importBuild', 'historical', this.random), 'import.finish', imported.id);
        if (imported.status === 'Canceling') this.engine.schedule(queuedAt + delay('importCancel', 'historical', this.random), 'import.canceled', imported.id);
      });
    }
    store.counters = numbers;
  }

  // --- generated history -----------------------------------------------------------------------

  private history() {
    const { random, start, now, targets } = this;
    const when = (count: number) => Array.from({ length: count }, () => random.int(start, now - MINUTE)).sort((a, b) => a - b);
    const events = Math.max(0, targets.events - this.examples.events.length);
    when(events).forEach((at, i) => this.at(at, `event:${i}`, () => this.randomEvent(at)));
    when(Math.max(0, targets.imports - this.examples.imports.length)).forEach((at, i) => this.at(at, `import:${i}`, () => this.randomImport(at)));
    // Events start about one request per account of their identity (a leave two), so the
    // stand-alone requests (reviews, web requests) make up the rest of the target, with a margin.
    const employees = [...this.engine.store.identities.values()].filter((p) => p.identity.status === 'Active' && p.identity.type === 'Employee');
    const accounts = employees.reduce((sum, p) => sum + p.accounts.length, 0) / Math.max(1, employees.length);
    const perEvent = accounts * 1.2;
    const standalone = Math.max(Math.round(targets.accessRequests * 0.2), Math.ceil((targets.accessRequests - events * perEvent) * 1.15));
    when(standalone).forEach((at, i) => this.at(at, `request:${i}`, () => this.randomRequest(at)));
  }

  private pool: IdentityRecord[] = [];

  /**
   * A random active employee (with accounts, unless told otherwise) who existed at `at`, by
   * rejection sampling: scanning every identity for each of thousands of steps would make large
   * data sets slow to generate.
   */
  private pickPerson(at: number, withAccounts = true): IdentityRecord | undefined {
    const { identities } = this.engine.store;
    if (this.pool.length !== identities.size) this.pool = [...identities.values()];
    for (let tries = 0; tries < 200; tries += 1) {
      const p = this.random.pick(this.pool);
      if (p.identity.status === 'Active' && p.identity.type === 'Employee' && Date.parse(p.identity.firstSeenDate) < at && (!withAccounts || p.accounts.length > 0)) return p;
    }
    return undefined;
  }

  private randomEvent(at: number) {
    const { random, engine } = this;
    const type = random.weighted<EventType>([['Onboard', 25], ['Offboard', 20], ['Role Transition', 35], ['Absence', 20]]);
    const effectiveDay = day(at + (type === 'Onboard' ? random.int(5, 30) : random.int(0, 30)) * DAY);
    const reporter: UserReference = engine.store.actors.hrToken;
    if (type === 'Onboard') {
      const place = random.pick(DEPARTMENTS);
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      const manager = this.managers.get(place.department);
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
    const person = this.pickPerson(at);
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

  private plannedFiles(connector: ApplicationRecord): PlannedFile[] {
    return connector.fileGroups
      .filter((group) => group.required || this.random.chance(0.8))
      .map((group) => ({ fileGroupId: group.id, fileGroup: group.name, name: `${slug(group.name)}.csv`, rows: this.random.int(40, 20_000) }));
  }

  private randomImport(at: number) {
    const { random, engine } = this;
    const applications = [...engine.store.applications.values()].filter((a) => !a.application.isArchived);
    const kind = random.weighted([['Scheduled', 55], ['stage', 15], ['upload', 10], ['Manual', 20]] as const);
    const eligible = applications.filter((a) => (kind === 'Scheduled' || kind === 'stage' ? a.schedule : a.fileBased));
    if (eligible.length === 0) return;
    const connector = random.pick(eligible);
    const files = connector.fileBased ? this.plannedFiles(connector) : [];
    const missing = (kind === 'Scheduled' || kind === 'stage') && connector.schedule && !connector.schedule.filesPresent;
    const failure = missing
      ? `no data file found in ${connector.schedule!.sharedDirectory}`
      : random.chance(0.05)
        ? random.pick(['row 1,204: unknown privilege code PRV_ZZ', 'column employee_id is missing', 'the connector did not answer within 10 minutes'])
        : undefined;
    const operator = kind === 'Manual' ? this.pickPerson(at, false) : undefined;
    const createdBy = kind === 'Scheduled' ? 'Scheduler' : operator ? displayName(operator) : this.stagedBy;
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
      this.at(later, `cancel-import:${record.import.id}`, () => {
        if (record.import.status === 'Pending' || record.import.status === 'Running') cancelImport(engine, record, createdBy, later);
      });
    }
  }

  private randomRequest(at: number) {
    const { random, engine } = this;
    const { store } = engine;
    const applications = [...store.applications.values()].filter((a) => !a.application.isArchived).map((a) => a.application.id);
    const reporter = random.chance(0.5) ? store.actors.system : (() => {
      const managers = [...this.managers.values()];
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
    const person = this.pickPerson(at);
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
}

/** Fills `engine.store` with the data set of `seed` and `size`, as it stands at `now`. */
export function generate(engine: Engine, spec: any, size: SandboxSize, now: number): void {
  new Generator(engine, readExamples(spec), SIZES[size], now).run();
}

