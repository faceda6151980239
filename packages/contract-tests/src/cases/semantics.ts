// Behaviour a response's shape cannot show: that a list honours its filters (ignoring case where
// the vendor says so), keeps its documented order, and pages consistently. All read-only. Samples
// for the filters come from what the target holds, so a result is rarely empty.
import { api, firstPage, RESOURCES, typeFilter, type Page, type Resource } from './resources.js';
import type { CaseContext, ContractCase } from './types.js';

const resource = (key: Resource['key']) => RESOURCES.find((r) => r.key === key)!;
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Name orders a server may use: locale-aware, byte order, byte order ignoring case. */
const COLLATIONS: ((a: string, b: string) => number)[] = [(a, b) => collator.compare(a, b), ordinal, (a, b) => ordinal(a.toLowerCase(), b.toLowerCase())];
const show = (value: unknown) => JSON.stringify(value);

/** Checks every item of a filtered page against the filter. */
function everyItem(ctx: CaseContext, page: Page, what: string, keep: (item: any) => boolean, value: (item: any) => unknown) {
  const strays = page.items.filter((item) => !keep(item));
  ctx.check(strays.length === 0, {
    path: '/items',
    expected: `only items with ${what}`,
    actual: strays.length ? `${strays.length} of ${page.items.length} other, e.g. ${show(value(strays[0]))}` : '',
  });
}

/** Walks the first pages and the last one, checking the envelope holds together. */
async function pagesHoldTogether(ctx: CaseContext, key: Resource['key']) {
  const target = api(ctx.pa, resource(key));
  const first = await target.list({ page: 1 });
  const numbers = [...new Set([1, 2, 3, first.totalPages].filter((n) => n >= 1 && n <= first.totalPages))];
  const seen = new Map<string, number>();
  // totalPages of an empty result is not documented: 0 and 1 are both fair.
  const pages = Math.ceil(first.totalCount / 50);
  const fair = first.totalCount === 0 ? [0, 1] : [pages];
  ctx.check(fair.includes(first.totalPages), { path: '/totalPages', expected: `ceil(totalCount / 50) = ${pages}`, actual: String(first.totalPages) });
  for (const number of numbers) {
    const page = number === 1 ? first : await target.list({ page: number });
    ctx.check(page.page === number, { path: `/page (page ${number})`, expected: String(number), actual: String(page.page) });
    ctx.check(page.totalCount === first.totalCount && page.totalPages === first.totalPages, {
      path: `/totalCount (page ${number})`,
      expected: `the totals of page 1 (${first.totalCount} in ${first.totalPages} pages)`,
      actual: `${page.totalCount} in ${page.totalPages} pages`,
    });
    const full = number < first.totalPages ? 50 : first.totalCount - 50 * (first.totalPages - 1);
    ctx.check(page.items.length === full, { path: `/items (page ${number})`, expected: `${full} items`, actual: `${page.items.length}` });
    for (const item of page.items) {
      const before = seen.get(item.id);
      ctx.check(before === undefined, { path: `/items (page ${number})`, expected: 'each item on one page only', actual: `${item.id} also on page ${before}` });
      seen.set(item.id, number);
    }
  }
}

/**
 * A list finds as many items with its filters spelt loosely (`loose`, sent as it is, since the
 * client only sends the documented spelling) as with their documented spelling (`canonical`).
 */
function filtersIgnoreCase(name: string, key: Resource['key'], path: string, canonical: Record<string, string>, loose: string): ContractCase {
  const list = resource(key);
  return {
    name,
    operationId: list.list,
    write: false,
    expectStatus: 200,
    async run(ctx) {
      const expected = await api(ctx.pa, list).list(canonical);
      const response = await ctx.fetch(`${path}?${loose}`);
      const found = response.ok ? ((await response.json()) as Page) : undefined;
      ctx.check(found?.totalCount === expected.totalCount, {
        path: `?${decodeURIComponent(loose)}`,
        expected: `the ${expected.totalCount} items that ${new URLSearchParams(canonical)} finds`,
        actual: found ? `${found.totalCount}` : `status ${response.status}`,
      });
      return found;
    },
  };
}

export const semanticCases: ContractCase[] = [
  {
    name: 'listPersonnelEvents: status and type filters are honoured',
    operationId: 'listPersonnelEvents',
    write: false,
    expectStatus: 200,
    async run(ctx) {
      const sample = (await firstPage(ctx, resource('personnelEvent'))).items[0];
      const status = sample?.status ?? 'Open';
      const type = sample?.type ?? 'Role Transition';
      const page = await ctx.pa.personnelEvents.list({ status, type: typeFilter(type) as never });
      everyItem(ctx, page, `status ${status} and type ${type}`, (e) => e.status === status && e.type === type, (e) => [e.status, e.type]);
      if (sample) ctx.check(page.totalCount > 0, { path: '/totalCount', expected: `at least the event ${sample.number} listed unfiltered`, actual: '0' });
      return page;
    },
  },
  filtersIgnoreCase('listPersonnelEvents: filters ignore case, and the type ignores spaces', 'personnelEvent', '/api/personnel-events', { status: 'Completed', type: 'RoleTransition' }, 'status=completed&type=role%20TRANSITION'),
  {
    name: 'listPersonnelEvents: the identity filter is honoured',
    operationId: 'listPersonnelEvents',
    write: false,
    expectStatus: 200,
    async run(ctx) {
      const sample = (await firstPage(ctx, resource('personnelEvent'))).items.find((e) => e.affectedIdentity);
      const identityId = sample?.affectedIdentity.id ?? ctx.found.identity;
      const page = await ctx.pa.personnelEvents.list({ identityId });
      everyItem(ctx, page, `affectedIdentity ${identityId}`, (e) => e.affectedIdentity?.id === identityId, (e) => e.affectedIdentity?.id);
      if (sample) ctx.check(page.totalCount > 0, { path: '/totalCount', expected: `at least the event ${sample.number} of that identity`, actual: '0' });
      return page;
    },
  },
  {
    name: 'listAccessRequests: status, action, identity and application filters are honoured',
    operationId: 'listAccessRequests',
    write: false,
    expectStatus: 200,
    async run(ctx) {
      const sample = (await firstPage(ctx, resource('accessRequest'))).items[0];
      const status = sample?.status ?? 'Open';
      const action = sample?.action ?? 'Remove';
      const byStatus = await ctx.pa.accessRequests.list({ status, type: action });
      everyItem(ctx, byStatus, `status ${status} and action ${action}`, (r) => r.status === status && r.action === action, (r) => [r.status, r.action]);
      const applicationId = sample?.target.application.id;
      if (applicationId) {
        const byApplication = await ctx.pa.accessRequests.list({ applicationId });
        everyItem(ctx, byApplication, `application ${applicationId}`, (r) => r.target.application.id === applicationId, (r) => r.target.application.id);
      }
      const identityId = sample?.target.affectedIdentity?.id;
      if (identityId) {
        const byIdentity = await ctx.pa.accessRequests.list({ identityId });
        everyItem(ctx, byIdentity, `affected identity ${identityId}`, (r) => r.target.affectedIdentity?.id === identityId, (r) => r.target.affectedIdentity?.id);
      }
      return byStatus;
    },
  },
  filtersIgnoreCase('listAccessRequests: status and action filters ignore case', 'accessRequest', '/api/access-requests', { status: 'Completed', type: 'Add' }, 'status=COMPLETED&type=add'),
  {
    name: 'listApplicationImports: the application filter is honoured',
    operationId: 'listApplicationImports',
    write: false,
    expectStatus: 200,
    async run(ctx) {
      const sample = (await firstPage(ctx, resource('applicationImport'))).items.find((i) => i.application);
      const applicationId = sample?.application.id ?? ctx.found.application;
      const page = await ctx.pa.applicationImports.list({ applicationId });
      everyItem(ctx, page, `application ${applicationId}`, (i) => i.application?.id === applicationId, (i) => i.application?.id);
      return page;
    },
  },
  {
    name: 'listPersonnelEvents: latest effective date first',
    operationId: 'listPersonnelEvents',
    write: false,
    expectStatus: 200,
    async run(ctx) {
      const { items } = await ctx.pa.personnelEvents.list({ page: 1 });
      const neededOn = items.map((e) => e.neededOn as string);
      const at = neededOn.findIndex((value, i) => i > 0 && value > neededOn[i - 1]!);
      ctx.check(at < 0, { path: '/items', expected: 'neededOn descending', actual: at < 0 ? '' : `item ${at} (${neededOn[at]}) after ${neededOn[at - 1]}` });
    },
  },
  {
    name: 'listIdentities: by last name, then first name',
    operationId: 'listIdentities',
    write: false,
    expectStatus: 200,
    assumes: ['ascending-order'],
    async run(ctx) {
      const { items } = await ctx.pa.identities.list({ page: 1 });
      // The vendor does not name a collation: an order that holds under any common one is accepted.
      const ordered = (direction: 1 | -1) =>
        COLLATIONS.some((by) => items.every((item, i) => i === 0 || direction * (by(items[i - 1]!.lastName, item.lastName) || by(items[i - 1]!.firstName, item.firstName)) <= 0));
      const ascending = ordered(1);
      const descending = ordered(-1);
      const names = items.slice(0, 3).map((i) => `${i.lastName}, ${i.firstName}`).join(' | ');
      // Ordered by name is documented; ascending is this description's assumption.
      ctx.check(ascending || descending, { path: '/items', expected: 'ordered by last name, then first name', actual: names });
      if (descending && !ascending) ctx.assume('ascending-order', false, { path: '/items', expected: 'ascending', actual: `descending: ${names}` });
    },
  },
  {
    name: 'listApplicationImports: latest build start first',
    operationId: 'listApplicationImports',
    write: false,
    expectStatus: 200,
    assumes: ['queued-first'],
    async run(ctx) {
      const { items } = await ctx.pa.applicationImports.list({ page: 1 });
      const built = items.map((i) => i.buildStart as string | null).filter((s): s is string => s !== null);
      const at = built.findIndex((value, i) => i > 0 && value > built[i - 1]!);
      ctx.check(at < 0, { path: '/items', expected: 'buildStart descending', actual: at < 0 ? '' : `${built[at]} after ${built[at - 1]}` });
      const firstBuilt = items.findIndex((i) => i.buildStart !== null);
      const queuedAfter = items.findIndex((i, n) => n > firstBuilt && firstBuilt >= 0 && i.buildStart === null);
      ctx.assume('queued-first', queuedAfter < 0, { path: '/items', expected: 'imports not built yet before built ones', actual: `item ${queuedAfter} has no buildStart` });
    },
  },
  ...(['identity', 'accessRequest'] as const).map(
    (key): ContractCase => ({
      name: `${resource(key).list}: pages hold together`,
      operationId: resource(key).list,
      write: false,
      expectStatus: 200,
      run: (ctx) => pagesHoldTogether(ctx, key),
    }),
  ),
  {
    name: 'listIdentities: a page past the end is empty',
    operationId: 'listIdentities',
    write: false,
    expectStatus: 200,
    assumption: 'page-past-end',
    async run(ctx) {
      const first = await firstPage(ctx, resource('identity'));
      const past = await ctx.pa.identities.list({ page: first.totalPages + 1 });
      ctx.assume('page-past-end', past.items.length === 0 && past.totalCount === first.totalCount, {
        path: `?page=${first.totalPages + 1}`,
        expected: `no items, totalCount ${first.totalCount}`,
        actual: `${past.items.length} items, totalCount ${past.totalCount}`,
      });
      return past;
    },
  },
];
