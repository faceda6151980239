// The five resources as the cases reach them through the client.
import type { CaseContext, Client } from './types.js';

export interface Page<T = any> {
  items: T[];
  totalCount: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

export const RESOURCES = [
  { key: 'personnelEvent', resource: 'personnelEvents', list: 'listPersonnelEvents', get: 'getPersonnelEvent' },
  { key: 'applicationImport', resource: 'applicationImports', list: 'listApplicationImports', get: 'getApplicationImport' },
  { key: 'application', resource: 'applications', list: 'listApplications', get: 'getApplication' },
  { key: 'identity', resource: 'identities', list: 'listIdentities', get: 'getIdentity' },
  { key: 'accessRequest', resource: 'accessRequests', list: 'listAccessRequests', get: 'getAccessRequest' },
] as const;

export type Resource = (typeof RESOURCES)[number];

interface Listable {
  list(query?: object): Promise<Page>;
  get(id: string): Promise<any>;
}

export const api = (pa: Client, resource: Resource): Listable => pa[resource.resource] as unknown as Listable;

/** The first page of a list, fetched once per run and shared by the cases that need samples. */
export async function firstPage(ctx: CaseContext, resource: Resource): Promise<Page> {
  ctx.found.pages ??= {};
  ctx.found.pages[resource.key] ??= await api(ctx.pa, resource).list({ page: 1 });
  return ctx.found.pages[resource.key];
}

/** The event type as the list filter spells it (`Role Transition` -> `RoleTransition`). */
export const typeFilter = (type: string) => type.replace(/\s+/g, '');
