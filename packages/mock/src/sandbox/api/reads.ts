// The read operations: five lists with the vendor's filters and fixed orders, five gets by id.
// A page past the end is empty with the same totals; filters that ignore case ignore case here too.
import { HttpError } from '../../http/errors.js';
import { renderEvent, renderImport, renderRequest } from '../render.js';
import type { Sandbox } from '../sandbox.js';
import type { Handlers } from './types.js';

export const PAGE_SIZE = 50;

/** One page of the records that pass `keep`, rendered; only the page's records are rendered. */
function page<R, T>(records: readonly R[], query: URLSearchParams, keep: (record: R) => boolean, render: (record: R) => T) {
  const number = Number(query.get('page') ?? '1');
  const from = (number - 1) * PAGE_SIZE;
  const items: T[] = [];
  let totalCount = 0;
  for (const record of records) {
    if (!keep(record)) continue;
    if (totalCount >= from && items.length < PAGE_SIZE) items.push(render(record));
    totalCount += 1;
  }
  return { status: 200, body: { items, totalCount, page: number, pageSize: PAGE_SIZE, totalPages: Math.ceil(totalCount / PAGE_SIZE) } };
}

/** Case-insensitive filter value; the event type also ignores white space (RoleTransition = Role Transition). */
const folded = (value: string | null) => (value === null ? null : value.replace(/\s+/g, '').toLowerCase());
const lower = (value: string | null) => value?.toLowerCase() ?? null;

function notFound(kind: string, id: string): never {
  throw new HttpError(404, `${kind} with id ${id} not found`);
}

export function readHandlers(sandbox: Sandbox): Handlers {
  return {
    listPersonnelEvents: ({ query }) => {
      const identityId = lower(query.get('identityId'));
      const type = folded(query.get('type'));
      const status = lower(query.get('status'));
      return page(
        sandbox.store.ordered('events'),
        query,
        (r) => (!identityId || r.identityId === identityId) && (!type || folded(r.event.type) === type) && (!status || r.event.status.toLowerCase() === status),
        (r) => renderEvent(sandbox.store, r),
      );
    },
    getPersonnelEvent: ({ pathParams: { id } }) => {
      const record = sandbox.store.events.get(id!.toLowerCase()) ?? notFound('Personnel event', id!);
      return { status: 200, body: renderEvent(sandbox.store, record) };
    },
    listApplicationImports: ({ query }) => {
      const applicationId = lower(query.get('applicationId'));
      return page(sandbox.store.ordered('imports'), query, (r) => !applicationId || r.applicationId === applicationId, (r) => renderImport(sandbox.store, r, 'list'));
    },
    getApplicationImport: ({ pathParams: { id } }) => {
      const record = sandbox.store.imports.get(id!.toLowerCase()) ?? notFound('Application import', id!);
      return { status: 200, body: renderImport(sandbox.store, record, 'full') };
    },
    listApplications: ({ query }) => page(sandbox.store.ordered('applications'), query, () => true, (r) => r.application),
    getApplication: ({ pathParams: { id } }) => {
      const record = sandbox.store.applications.get(id!.toLowerCase()) ?? notFound('Application', id!);
      return { status: 200, body: record.application };
    },
    listIdentities: ({ query }) => page(sandbox.store.ordered('identities'), query, () => true, (r) => r.identity),
    getIdentity: ({ pathParams: { id } }) => {
      const record = sandbox.store.identities.get(id!.toLowerCase()) ?? notFound('Identity', id!);
      return { status: 200, body: record.identity };
    },
    listAccessRequests: ({ query }) => {
      const identityId = lower(query.get('identityId'));
      const applicationId = lower(query.get('applicationId'));
      const status = lower(query.get('status'));
      const action = lower(query.get('type'));
      return page(
        sandbox.store.ordered('requests'),
        query,
        (r) =>
          (!identityId || r.target.identityId === identityId) &&
          (!applicationId || r.target.applicationId === applicationId) &&
          (!status || r.request.status.toLowerCase() === status) &&
          (!action || r.request.action.toLowerCase() === action),
        (r) => renderRequest(sandbox.store, r),
      );
    },
    getAccessRequest: ({ pathParams: { id } }) => {
      const record = sandbox.store.requests.get(id!.toLowerCase()) ?? notFound('Access request', id!);
      return { status: 200, body: renderRequest(sandbox.store, record) };
    },
  };
}
