// Personnel events: Scheduled until the effective date, then Pending (Approve) -> Open (the access
// work: its access requests) -> Resolved (Verify) -> Completed. An event whose remaining work waits
// for a date is Scheduled again; one waiting for an unknown return date is Snoozed.
//
// At approval each type does what the vendor describes: an onboarding creates its identity and
// requests an account in each application of the identity's Access Model; an offboarding disables
// the identity and removes every account; a role transition updates the identity, changes its
// accounts and adds the new department's (a temporary one removes those again at its end date); a
// leave of absence suspends every account and restores them on the end date, or snoozes the
// restores when there is none.
import { iso, startOfDay } from '../clock.js';
import type { Engine } from '../engine.js';
import type { EventRecord, IdentityDetails, Pace, PersonnelEvent, UserReference } from '../model.js';
import { accessModel, applyDetails, identityFromDetails } from './identities.js';
import { createRequest, TERMINAL, type NewRequest } from './requests.js';
import { delay } from './timing.js';

export type EventType = PersonnelEvent['type'];

export interface NewEvent {
  type: EventType;
  identityId: string | null;
  details: IdentityDetails | null;
  effectiveDay: string;
  endDay: string | null;
  comment: string | null;
  reporter: UserReference;
  pace: Pace;
}

function stageNames(type: EventType, endDay: string | null): string[] {
  switch (type) {
    case 'Absence':
      return ['Approval', 'Provision', 'Removal'];
    case 'Role Transition':
      return endDay ? ['Approval', 'Transition In', 'Transition Out', 'Verification'] : ['Approval', 'Transition', 'Verification'];
    default:
      return ['Approval', 'Provision', 'Verification'];
  }
}

/** Every status change goes through here, so the filtered lists follow it. */
function setStatus(engine: Engine, record: EventRecord, status: PersonnelEvent['status']) {
  record.event.status = status;
  engine.store.refiled('events', record);
}

function log(record: EventRecord, at: number, text: string) {
  record.event.activity!.push({ date: iso(at), text });
}

export function createEvent(engine: Engine, input: NewEvent, now: number): EventRecord {
  const { store, random } = engine;
  const scheduled = startOfDay(input.effectiveDay) > now;
  const record: EventRecord = {
    event: {
      id: random.uuid(),
      kind: 'Personnel Event',
      number: store.next('personnelEvent'),
      type: input.type,
      status: scheduled ? 'Scheduled' : 'Pending',
      reporter: input.reporter,
      assignee: null,
      neededOn: iso(startOfDay(input.effectiveDay)),
      neededUntil: input.endDay ? iso(startOfDay(input.endDay)) : null,
      completedOn: null,
      stages: stageNames(input.type, input.endDay).map((name) => ({ name })),
      activity: [],
      comments: input.comment ? [{ text: input.comment }] : [],
    },
    identityId: input.identityId,
    phase: scheduled ? 'scheduled' : 'approval',
    createdAt: now,
    pace: input.pace,
    effectiveDay: input.effectiveDay,
    endDay: input.endDay,
    details: input.details,
    requestIds: [],
    deferredIds: [],
  };
  log(record, now, `Created by ${input.reporter.name}`);
  store.addEvent(record);
  if (scheduled) engine.schedule(startOfDay(input.effectiveDay), 'event.due', record.event.id);
  else engine.schedule(now + delay('eventApproval', input.pace, random), 'event.approve', record.event.id);
  return record;
}

/** The access requests an approved event starts, and those deferred to its end date (or snoozed). */
function requestsFor(engine: Engine, record: EventRecord, at: number): { now: NewRequest[]; later: NewRequest[] } {
  const { store } = engine;
  const person = record.identityId ? store.identities.get(record.identityId) : undefined;
  if (!person) return { now: [], later: [] };
  const base = { eventId: record.event.id, pace: record.pace, reporter: store.actors.system, status: 'Open' as const };
  const target = (applicationId: string) => ({ type: 'User' as const, name: person.username, nomenclature: null, identityId: person.identity.id, applicationId });
  const held = person.accounts.map((account) => account.applicationId);
  const endsAt = record.endDay ? startOfDay(record.endDay) : undefined;
  const deferred = (action: NewRequest['action'], applicationId: string): NewRequest =>
    endsAt !== undefined
      ? { ...base, action, target: target(applicationId), status: 'Scheduled', scheduledStart: endsAt }
      : { ...base, action, target: target(applicationId), status: 'Snoozed' };

  switch (record.event.type) {
    case 'Onboard':
      return { now: accessModel(store, person.identity.department).map((id) => ({ ...base, action: 'Add', target: target(id) })), later: [] };
    case 'Offboard':
      return { now: held.map((id) => ({ ...base, action: 'Remove', target: target(id) })), later: [] };
    case 'Absence': {
      const active = person.accounts.filter((account) => !account.suspended).map((account) => account.applicationId);
      return {
        now: active.map((id) => ({ ...base, action: 'Suspend', target: target(id) })),
        later: active.map((id) => deferred('Restore', id)),
      };
    }
    case 'Role Transition': {
      const added = accessModel(store, person.identity.department).filter((id) => !held.includes(id));
      return {
        now: [...held.map((id): NewRequest => ({ ...base, action: 'Change', target: target(id) })), ...added.map((id): NewRequest => ({ ...base, action: 'Add', target: target(id) }))],
        later: endsAt !== undefined ? added.map((id) => deferred('Remove', id)) : [],
      };
    }
  }
}

/** Starts the access work of an event that passed (or, for a seeded example, had passed) Approve. */
export function startProvisioning(engine: Engine, record: EventRecord, at: number): void {
  const { now, later } = requestsFor(engine, record, at);
  record.requestIds = now.map((input) => createRequest(engine, input, at).request.id);
  record.deferredIds = later.map((input) => createRequest(engine, input, at).request.id);
  const numbers = [...record.requestIds, ...record.deferredIds].map((id) => engine.store.requests.get(id)!.request.number);
  if (numbers.length) log(record, at, `Access requests ${numbers.join(', ')} created`);
  record.phase = 'provision';
  setStatus(engine, record, 'Open');
  progressEvent(engine, record, at);
}

/** Approve: the identity changes the event stands for, then its access work. */
export function approveEvent(engine: Engine, record: EventRecord, at: number): void {
  const { store, random } = engine;
  log(record, at, 'Approved');
  record.event.assignee ??= random.pick(store.actors.provisioners);
  const person = record.identityId ? store.identities.get(record.identityId) : undefined;
  if (record.event.type === 'Onboard' && record.details) {
    const created = identityFromDetails(store, random, record.details, at);
    store.addIdentity(created);
    record.identityId = created.identity.id;
    store.refiled('events', record);
    log(record, at, `Identity ${created.identity.lastName}, ${created.identity.firstName} created`);
  } else if (record.event.type === 'Offboard' && person && person.identity.status === 'Active') {
    person.identity.status = 'Disabled';
    person.identity.inactivatedDate = iso(at);
    person.identity.updatedDate = iso(at);
  } else if (record.event.type === 'Role Transition' && person && record.details) {
    applyDetails(store, person, record.details, at);
  }
  startProvisioning(engine, record, at);
}

/** Moves an event on when one of its access requests settled (or right after approval). */
export function progressEvent(engine: Engine, record: EventRecord, at: number): void {
  if (record.phase !== 'provision' && record.phase !== 'waiting') return;
  const requests = [...record.requestIds, ...record.deferredIds].map((id) => engine.store.requests.get(id)!.request);
  const pending = requests.filter((request) => !TERMINAL.has(request.status));
  if (pending.length === 0) {
    record.phase = 'verification';
    setStatus(engine, record, 'Resolved');
    log(record, at, 'Access work done; waiting for verification');
    engine.schedule(at + delay('eventVerification', record.pace, engine.random), 'event.verify', record.event.id);
  } else if (pending.every((request) => request.status === 'Scheduled' || request.status === 'Snoozed')) {
    record.phase = 'waiting';
    setStatus(engine, record, pending.some((request) => request.status === 'Snoozed') ? 'Snoozed' : 'Scheduled');
  } else {
    record.phase = 'provision';
    setStatus(engine, record, 'Open');
  }
}

export function registerEventSteps(engine: Engine): void {
  const get = (id: string) => engine.store.events.get(id);

  engine.on('event.due', ({ id, at }) => {
    const record = get(id);
    if (record?.phase !== 'scheduled') return;
    record.phase = 'approval';
    setStatus(engine, record, 'Pending');
    log(record, at, 'Effective date reached; waiting for approval');
    engine.schedule(at + delay('eventApproval', record.pace, engine.random), 'event.approve', id);
  });

  engine.on('event.approve', ({ id, at }) => {
    const record = get(id);
    if (record?.phase === 'approval') approveEvent(engine, record, at);
  });

  engine.on('event.verify', ({ id, at }) => {
    const record = get(id);
    if (record?.phase !== 'verification') return;
    record.phase = 'done';
    setStatus(engine, record, 'Completed');
    record.event.completedOn = iso(at);
    log(record, at, 'Verified and completed');
  });
}
