// The API representation of each record: embedded identities and applications are joined from the
// store when a response is written, and fields come in the order the vendor's pages list them.
import type { AccessRequest, AccessRequestRecord, ApplicationImport, EventRecord, ImportRecord, PersonnelEvent } from './model.js';
import type { Store } from './store.js';

export function renderImport(store: Store, record: ImportRecord, view: 'full' | 'list'): ApplicationImport {
  const { id, kind, number, type, status, createdBy, buildStart, buildEnd, log, files, metrics } = record.import;
  const application = store.applications.get(record.applicationId)!.application;
  // List items are the reduced shape of the vendor's list page: no createdBy, log, files or metrics.
  if (view === 'list') return { id, kind, number, type, status, buildStart, buildEnd, application };
  return { id, kind, number, type, status, createdBy, buildStart, buildEnd, log, files, metrics, application };
}

export function renderEvent(store: Store, record: EventRecord): PersonnelEvent {
  const { id, kind, number, type, status, reporter, assignee, neededOn, neededUntil, completedOn, stages, activity, comments } = record.event;
  const affectedIdentity = record.identityId ? (store.identities.get(record.identityId)?.identity ?? null) : null;
  return { id, kind, number, type, status, reporter, assignee, affectedIdentity, neededOn, neededUntil, completedOn, stages, activity, comments };
}

export function renderRequest(store: Store, record: AccessRequestRecord): AccessRequest {
  const { id, kind, number, action, status, reporter, assignee, scheduledStart, startedOn, approvedOn, resolvedOn, verifiedOn, completedOn, canceledOn } = record.request;
  const { type, name, nomenclature, identityId, applicationId } = record.target;
  const application = store.applications.get(applicationId)!.application;
  const target: AccessRequest['target'] =
    type === 'Group'
      ? { type, name, nomenclature: nomenclature ?? name, affectedIdentity: null, application }
      : { type, name, affectedIdentity: identityId ? (store.identities.get(identityId)?.identity ?? null) : null, application };
  return { id, kind, number, action, status, reporter, assignee, target, scheduledStart, startedOn, approvedOn, resolvedOn, verifiedOn, completedOn, canceledOn };
}
