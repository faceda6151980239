// Access requests: Pending (waiting for approval) -> Open (being provisioned) -> Resolved (waiting
// for verification) -> Completed, or Canceled; Scheduled until a start date; Snoozed with no date.
// Each status reached sets its timestamp and raises the matching webhook event. When a request
// completes, the account it targets changes (created, removed, suspended or restored).
import { iso } from '../clock.js';
import type { Engine, RequestEventName } from '../engine.js';
import type { AccessRequestAction, AccessRequestRecord, Pace, UserReference, WorkItemStatus } from '../model.js';
import { delay } from './timing.js';

export const TERMINAL: ReadonlySet<WorkItemStatus> = new Set(['Completed', 'Canceled']);

const EVENT_OF_STATUS: Partial<Record<WorkItemStatus, RequestEventName>> = {
  Open: 'AccessRequestOpened',
  Resolved: 'AccessRequestResolved',
  Completed: 'AccessRequestCompleted',
  Canceled: 'AccessRequestCanceled',
  Scheduled: 'AccessRequestScheduled',
  Snoozed: 'AccessRequestSnoozed',
};

export interface NewRequest {
  action: AccessRequestAction;
  target: AccessRequestRecord['target'];
  eventId: string | null;
  pace: Pace;
  reporter: UserReference;
  /** Pending waits for approval; Open starts now (approved with its event); Scheduled waits for scheduledStart. */
  status: 'Pending' | 'Open' | 'Scheduled' | 'Snoozed';
  scheduledStart?: number;
  fate?: 'approve' | 'cancel';
}

export function createRequest(engine: Engine, input: NewRequest, now: number): AccessRequestRecord {
  const { store, random } = engine;
  const open = input.status === 'Open';
  const record: AccessRequestRecord = {
    request: {
      id: random.uuid(),
      kind: 'Access Request',
      number: store.next('accessRequest'),
      action: input.action,
      status: input.status,
      reporter: input.reporter,
      assignee: open ? random.pick(store.actors.provisioners) : null,
      scheduledStart: input.status === 'Scheduled' ? iso(input.scheduledStart!) : null,
      startedOn: open ? iso(now) : null,
      approvedOn: input.status === 'Pending' ? null : iso(now),
      resolvedOn: null,
      verifiedOn: null,
      completedOn: null,
      canceledOn: null,
    },
    target: input.target,
    createdAt: now,
    pace: input.pace,
    eventId: input.eventId,
    fate: input.fate ?? 'approve',
  };
  store.addRequest(record);
  engine.emit({ name: 'AccessRequestCreated', requestId: record.request.id, at: now });
  if (input.status === 'Pending') engine.schedule(now + delay('requestApproval', input.pace, random), 'request.approve', record.request.id);
  if (input.status === 'Open') engine.schedule(now + delay('requestProvisioning', input.pace, random), 'request.resolve', record.request.id);
  if (input.status === 'Scheduled') engine.schedule(input.scheduledStart!, 'request.start', record.request.id);
  return record;
}

function setStatus(engine: Engine, record: AccessRequestRecord, status: WorkItemStatus, at: number) {
  record.request.status = status;
  engine.store.refiled('requests', record);
  const name = EVENT_OF_STATUS[status];
  if (name) engine.emit({ name, requestId: record.request.id, at });
}

/** What a completed request does to the account it targets. */
function applyToAccount(engine: Engine, record: AccessRequestRecord) {
  const { identityId, applicationId, type } = record.target;
  const owner = type === 'User' && identityId ? engine.store.identities.get(identityId) : undefined;
  if (!owner) return;
  const account = owner.accounts.find((a) => a.applicationId === applicationId);
  switch (record.request.action) {
    case 'Add':
      if (!account) owner.accounts.push({ applicationId, suspended: false });
      break;
    case 'Remove':
      owner.accounts = owner.accounts.filter((a) => a.applicationId !== applicationId);
      break;
    case 'Suspend':
      if (account) account.suspended = true;
      break;
    case 'Restore':
      if (account) account.suspended = false;
      break;
    case 'Change':
      break;
  }
}

/** Moves a request to Open now: assigned, started, and due to be resolved. */
function open(engine: Engine, record: AccessRequestRecord, at: number) {
  const { store, random } = engine;
  record.request.assignee ??= random.pick(store.actors.provisioners);
  record.request.startedOn = iso(at);
  record.request.approvedOn ??= iso(at);
  setStatus(engine, record, 'Open', at);
  engine.schedule(at + delay('requestProvisioning', record.pace, random), 'request.resolve', record.request.id);
}

export function registerRequestSteps(engine: Engine, onSettled: (record: AccessRequestRecord, at: number) => void): void {
  const get = (id: string) => engine.store.requests.get(id);

  engine.on('request.approve', ({ id, at }) => {
    const record = get(id);
    if (record?.request.status !== 'Pending') return;
    if (record.fate === 'cancel') {
      record.request.canceledOn = iso(at);
      setStatus(engine, record, 'Canceled', at);
      onSettled(record, at);
    } else open(engine, record, at);
  });

  engine.on('request.start', ({ id, at }) => {
    const record = get(id);
    if (record?.request.status !== 'Scheduled') return;
    open(engine, record, at);
    onSettled(record, at);
  });

  engine.on('request.resolve', ({ id, at }) => {
    const record = get(id);
    if (record?.request.status !== 'Open') return;
    record.request.resolvedOn = iso(at);
    setStatus(engine, record, 'Resolved', at);
    engine.schedule(at + delay('requestVerification', record.pace, engine.random), 'request.complete', id);
  });

  engine.on('request.complete', ({ id, at }) => {
    const record = get(id);
    if (record?.request.status !== 'Resolved') return;
    record.request.verifiedOn = iso(at);
    record.request.completedOn = iso(at);
    setStatus(engine, record, 'Completed', at);
    applyToAccount(engine, record);
    onSettled(record, at);
  });
}
