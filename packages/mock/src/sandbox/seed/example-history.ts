// The spec's example personnel events, imports and access requests, played from their own dates so
// each ends in the status its example shows.
import { DAY, HOUR, iso, startOfDay } from '../clock.js';
import { startProvisioning } from '../lifecycle/events.js';
import { enqueue } from '../lifecycle/imports.js';
import { delay } from '../lifecycle/timing.js';
import type { ApplicationImport, EventPhase, EventRecord } from '../model.js';
import { onboardingDetails } from './examples.js';
import { seedAt, type SeedContext } from './context.js';
import { plannedFiles } from './history.js';

export function exampleHistory(ctx: SeedContext) {
  const { store } = ctx.engine;
  const numbers = { personnelEvent: 0, applicationImport: 0, accessRequest: 0 };

  for (const example of ctx.examples.requests) {
    const { target, ...request } = structuredClone(example);
    numbers.accessRequest = Math.max(numbers.accessRequest, request.number);
    const createdAt = Date.parse(request.approvedOn ?? request.startedOn ?? request.scheduledStart ?? iso(ctx.start)) - HOUR;
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
    if (request.status === 'Open') ctx.engine.schedule(since + delay('requestProvisioning', 'historical', ctx.random), 'request.resolve', request.id);
    if (request.status === 'Pending') ctx.engine.schedule(createdAt + delay('requestApproval', 'historical', ctx.random), 'request.approve', request.id);
  }

  for (const example of ctx.examples.events) {
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
      details: event.type === 'Onboard' ? (onboardingDetails(ctx.examples, example) ?? null) : null,
      requestIds: [],
      deferredIds: [],
    };
    store.addEvent(record);
    if (event.status === 'Scheduled') ctx.engine.schedule(due, 'event.due', event.id);
    if (event.status === 'Pending') ctx.engine.schedule(due + delay('eventApproval', 'historical', ctx.random), 'event.approve', event.id);
    // An example shown Open had passed Approve on its effective date: its access work starts then.
    if (event.status === 'Open') seedAt(ctx, due, `provision:${event.id}`, () => startProvisioning(ctx.engine, record, due));
    if (event.status === 'Resolved') ctx.engine.schedule(due + delay('eventVerification', 'historical', ctx.random), 'event.verify', event.id);
  }

  const taken = new Set<number>();
  // An example import shown still queued was queued an hour after its application's latest example build.
  const latestBuild = (applicationId: string) => {
    const starts = ctx.examples.imports.filter((i) => i.application?.id === applicationId && i.buildStart).map((i) => Date.parse(i.buildStart!));
    return starts.length ? Math.max(...starts) : ctx.start;
  };
  for (const example of ctx.examples.imports) {
    const { application, ...imported } = structuredClone(example) as ApplicationImport;
    // The vendor's list and cancel samples both number their import 47; the second one seen gets
    // the next free number below the examples' (the mock README says so).
    if (taken.has(imported.number)) imported.number = Math.min(...taken) - 1;
    taken.add(imported.number);
    numbers.applicationImport = Math.max(numbers.applicationImport, imported.number);
    const applicationId = application!.id;
    const connector = store.applications.get(applicationId)!;
    const queuedAt = imported.buildStart ? Date.parse(imported.buildStart) : latestBuild(applicationId) + HOUR;
    const planned = imported.status === 'Pending' && connector.fileBased ? plannedFiles(ctx, connector) : [];
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
    seedAt(ctx, queuedAt, `example-import:${imported.id}`, () => {
      if (imported.status === 'Pending') return enqueue(ctx.engine, record, queuedAt);
      store.addImport(record);
      store.importSlot = imported.id;
      if (imported.status === 'Running') ctx.engine.schedule(queuedAt + delay('importBuild', 'historical', ctx.random), 'import.finish', imported.id);
      if (imported.status === 'Canceling') ctx.engine.schedule(queuedAt + delay('importCancel', 'historical', ctx.random), 'import.canceled', imported.id);
    });
  }
  store.counters = numbers;
}

