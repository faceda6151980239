// The read operations: five lists with the vendor's filters and fixed orders, five gets by id.
// A page past the end is empty with the same totals; filters that ignore case ignore case here too.
// A filtered list is the store's view for those filter values (kept up to date on write, store.ts);
// answers come from the read cache (read-cache.ts): built once per state version, then served as text.
import { HttpError } from '../../http/errors.js';
import type { Sequence } from '../chunked-list.js';
import { renderEvent, renderImport, renderRequest } from '../render.js';
import type { Sandbox } from '../sandbox.js';
import { ReadCache } from './read-cache.js';
import type { Handlers } from './types.js';

export const PAGE_SIZE = 50;

/** One page of a filtered list; only the page's records are rendered. */
function page<R, T>(records: Sequence<R>, number: number, render: (record: R) => T) {
  const from = (number - 1) * PAGE_SIZE;
  const items = records.slice(from, from + PAGE_SIZE).map(render);
  const totalCount = records.length;
  return { items, totalCount, page: number, pageSize: PAGE_SIZE, totalPages: Math.ceil(totalCount / PAGE_SIZE) };
}

/**
 * Case-insensitive filter value, folded as the store's filtered lists are (store.ts FILTERS); the
 * event type also ignores white space (RoleTransition = Role Transition). An empty value filters nothing.
 */
const folded = (value: string | null) => (value ? value.replace(/\s+/g, '').toLowerCase() || null : null);
const lower = (value: string | null) => value?.toLowerCase() || null;

function notFound(kind: string, id: string): never {
  throw new HttpError(404, `${kind} with id ${id} not found`);
}

export function readHandlers(sandbox: Sandbox): Handlers {
  const cache = new ReadCache(sandbox);
  const pageOf = (query: URLSearchParams) => Number(query.get('page') ?? '1');

  return {
    listPersonnelEvents: ({ query }) => {
      const identityId = lower(query.get('identityId'));
      const type = folded(query.get('type'));
      const status = lower(query.get('status'));
      const filter = JSON.stringify([identityId, type, status]);
      const number = pageOf(query);
      return cache.answer(`events ${filter} ${number}`, () =>
        page(sandbox.store.filtered('events', [identityId, type, status]), number, (r) => renderEvent(sandbox.store, r)),
      );
    },
    getPersonnelEvent: ({ pathParams: { id } }) => {
      const record = sandbox.store.events.get(id!.toLowerCase()) ?? notFound('Personnel event', id!);
      return cache.answer(`event ${record.event.id}`, () => renderEvent(sandbox.store, record));
    },
    listApplicationImports: ({ query }) => {
      const applicationId = lower(query.get('applicationId'));
      const number = pageOf(query);
      return cache.answer(`imports ${applicationId} ${number}`, () =>
        page(sandbox.store.filtered('imports', [applicationId]), number, (r) => renderImport(sandbox.store, r, 'list')),
      );
    },
    getApplicationImport: ({ pathParams: { id } }) => {
      const record = sandbox.store.imports.get(id!.toLowerCase()) ?? notFound('Application import', id!);
      return cache.answer(`import ${record.import.id}`, () => renderImport(sandbox.store, record, 'full'));
    },
    listApplications: ({ query }) => {
      const number = pageOf(query);
      return cache.answer(`applications ${number}`, () => page(sandbox.store.ordered('applications'), number, (r) => r.application));
    },
    getApplication: ({ pathParams: { id } }) => {
      const record = sandbox.store.applications.get(id!.toLowerCase()) ?? notFound('Application', id!);
      return cache.answer(`application ${record.application.id}`, () => record.application);
    },
    listIdentities: ({ query }) => {
      const number = pageOf(query);
      return cache.answer(`identities ${number}`, () => page(sandbox.store.ordered('identities'), number, (r) => r.identity));
    },
    getIdentity: ({ pathParams: { id } }) => {
      const record = sandbox.store.identities.get(id!.toLowerCase()) ?? notFound('Identity', id!);
      return cache.answer(`identity ${record.identity.id}`, () => record.identity);
    },
    listAccessRequests: ({ query }) => {
      const identityId = lower(query.get('identityId'));
      const applicationId = lower(query.get('applicationId'));
      const status = lower(query.get('status'));
      const action = lower(query.get('type'));
      const filter = JSON.stringify([identityId, applicationId, status, action]);
      const number = pageOf(query);
      return cache.answer(`requests ${filter} ${number}`, () =>
        page(sandbox.store.filtered('requests', [identityId, applicationId, status, action]), number, (r) => renderRequest(sandbox.store, r)),
      );
    },
    getAccessRequest: ({ pathParams: { id } }) => {
      const record = sandbox.store.requests.get(id!.toLowerCase()) ?? notFound('Access request', id!);
      return cache.answer(`request ${record.request.id}`, () => renderRequest(sandbox.store, record));
    },
  };
}
