// Reads: every list and get, an unknown id (404) and a malformed one (400, an assumption). A get
// must answer the record the list showed.
import { api, firstPage, RESOURCES, type Resource } from './resources.js';
import { UNKNOWN_ID, SkipCase, type ContractCase } from './types.js';

/** Operations the vendor lists without publishing their page: their path is the spec's inference. */
const inferred = (operationId: string) => (['listApplications', 'getApplication', 'getApplicationImport'].includes(operationId) ? { assumption: 'inferred-path' } : {});
const inferredGet = (resource: Resource) => inferred(resource.get);

export const readCases: ContractCase[] = [
  ...RESOURCES.map(
    (resource): ContractCase => ({
      name: `${resource.list}: first page`,
      operationId: resource.list,
      write: false,
      expectStatus: 200,
      ...inferred(resource.list),
      async run(ctx) {
        const page = await firstPage(ctx, resource);
        ctx.found[resource.key] ??= page.items[0]?.id;
        return page;
      },
    }),
  ),
  ...RESOURCES.map(
    (resource): ContractCase => ({
      name: `${resource.get}: an id from the list`,
      operationId: resource.get,
      write: false,
      expectStatus: 200,
      ...inferredGet(resource),
      async run(ctx) {
        const listed = ctx.found.pages?.[resource.key]?.items?.[0];
        if (!listed) throw new SkipCase(`no ${resource.key} on the target to fetch`);
        const record = await api(ctx.pa, resource).get(listed.id);
        for (const field of ['id', 'kind', 'number', 'type', 'action', 'name', 'lastName']) {
          if (field in listed) ctx.check(record?.[field] === listed[field], { path: `/${field}`, expected: `${JSON.stringify(listed[field])}, as the list showed`, actual: JSON.stringify(record?.[field]) });
        }
        return record;
      },
    }),
  ),
  ...RESOURCES.map(
    (resource): ContractCase => ({
      name: `${resource.get}: an unknown id`,
      operationId: resource.get,
      write: false,
      expectStatus: 404,
      ...inferredGet(resource),
      run: (ctx) => api(ctx.pa, resource).get(UNKNOWN_ID),
    }),
  ),
  ...RESOURCES.map(
    (resource): ContractCase => ({
      name: `${resource.get}: an id that is not a GUID`,
      operationId: resource.get,
      write: false,
      expectStatus: 400,
      expectFields: ['id'],
      assumption: 'malformed-id',
      run: (ctx) => api(ctx.pa, resource).get('not-a-guid'),
    }),
  ),
];
