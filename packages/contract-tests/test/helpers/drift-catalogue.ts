// The drifts the suite must catch, one realistic departure at a time, each with the severity and
// line it must be reported with. test/drift.test.ts runs them; the README's detection table is
// generated from this list (test/readme.test.ts).
import type { Severity, TargetHints } from '../../src/index.js';
import { is, type Drift, type Exchange } from './drift-proxy.js';
import { budget } from './budget.js';

/**
 * 3 s at full speed, in whole seconds: on a loaded machine the proxy, the sandbox and the runner
 * share one starved process, and a slow first answer must not read as "never answers".
 */
export const REQUEST_TIMEOUT_MS = Math.ceil(budget(3000) / 1000) * 1000;

export interface DriftCase extends Drift {
  /** What the run must report: severity and a part of the line `<operationId> <finding>`. */
  expect: [Severity, string];
  /** What it must not say (a misleading alternative branch). */
  absent?: string;
}

const GET = 'GET';
const POST = 'POST';
const ID = /^\/api\/[a-z-]+\/[0-9a-f-]{36}$/;
/** State a drift keeps between requests of one run, and what it needs of the target. */
export const state: { page1?: any; hints: TargetHints } = { hints: {} };

export const catalogue: DriftCase[] = [
  // --- shapes the vendor documents ------------------------------------------------------------
  { name: 'a wrong enum value', expect: ['failure', 'getIdentity response.body/status: expected one of "Active", "Disabled", "Removed", actual "Deleted"'], response: (x, a) => (is(x, GET, /^\/api\/identities\/[0-9a-f-]{36}$/) && a.status === 200 ? { body: { ...a.body, status: 'Deleted' } } : undefined) },
  { name: 'a required field missing on every item', expect: ['failure', 'listApplications response.body/items/*/name: expected a required field, actual missing ('], response: (x, a) => (is(x, GET, /^\/api\/applications$/) && a.status === 200 ? { body: { ...a.body, items: a.body.items.map(({ name: _n, ...rest }: any) => rest) } } : undefined) },
  { name: 'a number sent as a string', expect: ['failure', 'listAccessRequests response.body/totalCount: expected type integer'], response: (x, a) => (is(x, GET, /^\/api\/access-requests$/) && a.status === 200 ? { body: { ...a.body, totalCount: String(a.body.totalCount) } } : undefined) },
  { name: 'an undocumented success status', expect: ['failure', 'createOnboardEvent response.status: expected one of 201, 400, 401, 403, 500 or another error status, actual 202'], response: (x, a) => (is(x, POST, /onboard$/) && a.status === 201 ? { status: 202 } : undefined) },
  { name: 'a login page instead of JSON', expect: ['failure', 'getApplication response.headers.content-type: expected application/json, actual text/html'], response: (x, a) => (is(x, GET, /^\/api\/applications\/[0-9a-f-]{36}$/) && a.status === 200 ? { contentType: 'text/html', body: '<html>Sign in</html>' } : undefined) },
  // The run reads the first listed request, a User or a Group target: both branches want a string name.
  { name: 'null where the target\'s branch wants a string (no "expected Group")', expect: ['failure', 'getAccessRequest response.body/target/name: expected type string, actual null'], absent: 'expected "Group"', response: (x, a) => (is(x, GET, /^\/api\/access-requests\/[0-9a-f-]{36}$/) && a.status === 200 && a.body.target ? { body: { ...a.body, target: { ...a.body.target, name: null } } } : undefined) },
  { name: 'a date where a timestamp belongs (no "expected null")', expect: ['failure', 'listIdentities response.body/items/*/inactivatedDate: expected to look like 2025-12-01T08:45:00Z, actual "2021-03-01"'], absent: 'expected type null', response: (x, a) => (is(x, GET, /^\/api\/identities$/) && a.status === 200 && a.body.items?.length ? { body: { ...a.body, items: [{ ...a.body.items[0], inactivatedDate: '2021-03-01' }, ...a.body.items.slice(1)] } } : undefined) },
  { name: 'an error without its correlationId', expect: ['failure', 'response.body/correlationId: expected a required field, actual missing'], response: (x, a) => (a.status === 404 ? { body: { error: a.body.error, message: a.body.message } } : undefined) },
  { name: 'field errors that are not a list (must not crash the run)', expect: ['failure', 'response.body/errors: expected type array'], response: (_x, a) => (a.status === 400 && Array.isArray(a.body?.errors) ? { body: { ...a.body, errors: Object.fromEntries(a.body.errors.map((e: any) => [e.field, e.message])) } } : undefined) },
  { name: 'a cut-off list: no neededOn on listed events', expect: ['assumption', 'listPersonnelEvents response.body/items/*/neededOn: expected a required field, actual missing ('], response: (x, a) => (is(x, GET, /^\/api\/personnel-events$/) && a.status === 200 ? { body: { ...a.body, items: a.body.items.map(({ neededOn: _n, ...rest }: any) => rest) } } : undefined) },
  { name: 'a field the spec does not define', expect: ['warning', 'getIdentity response.body/costCenter: expected no such field (not in the spec), actual "CC-1"'], response: (x, a) => (is(x, GET, /^\/api\/identities\/[0-9a-f-]{36}$/) && a.status === 200 ? { body: { ...a.body, costCenter: 'CC-1' } } : undefined) },
  // --- behaviour the vendor documents -----------------------------------------------------------
  { name: 'status and type filters ignored', expect: ['failure', 'listPersonnelEvents semantics/items: expected only items with status'], request: (x) => (is(x, GET, /^\/api\/personnel-events$/) && x.url.searchParams.has('type') ? { url: new URL(`${x.url.origin}${x.url.pathname}?page=1`) } : undefined) },
  { name: 'the application filter of imports ignored', expect: ['failure', 'listApplicationImports semantics/items: expected only items with application'], request: (x) => (is(x, GET, /^\/api\/application-imports$/) && x.url.searchParams.has('applicationId') ? { url: new URL(`${x.url.origin}${x.url.pathname}`) } : undefined) },
  { name: 'filters that do not ignore case', expect: ['failure', 'listPersonnelEvents semantics?status=completed&type=role TRANSITION: expected the'], response: (x) => (is(x, GET, /^\/api\/personnel-events$/) && /=(completed|role)/.test(x.url.search) ? { status: 400, body: { error: 'validation_error', message: 'Invalid status', correlationId: 'a1b2c3d4e5f67890abcdef1234567890', errors: [{ field: 'status', message: 'Unknown status' }] } } : undefined) },
  { name: 'events in the wrong order', expect: ['failure', 'listPersonnelEvents semantics/items: expected neededOn descending'], response: (x, a) => (is(x, GET, /^\/api\/personnel-events$/) && a.status === 200 && !x.url.searchParams.has('type') ? { body: { ...a.body, items: [...a.body.items].reverse() } } : undefined) },
  { name: 'totals that change from page to page', expect: ['failure', 'listAccessRequests semantics/totalCount (page 2): expected the totals of page 1'], response: (x, a) => (is(x, GET, /^\/api\/access-requests$/) && x.url.searchParams.get('page') === '2' && a.status === 200 ? { body: { ...a.body, totalCount: a.body.totalCount + 1 } } : undefined) },
  {
    name: 'an item on two pages',
    expect: ['failure', 'listIdentities semantics/items (page 2): expected each item on one page only'],
    response: (x, a) => {
      if (!is(x, GET, /^\/api\/identities$/) || a.status !== 200 || x.url.searchParams.has('identityId')) return undefined;
      if (x.url.searchParams.get('page') === '1') state.page1 = a.body;
      return x.url.searchParams.get('page') === '2' && state.page1 ? { body: { ...a.body, items: [state.page1.items[0], ...a.body.items.slice(1)] } } : undefined;
    },
  },
  { name: 'a page size other than 50', expect: ['failure', 'listIdentities response.body/pageSize: expected 50, actual 25'], response: (x, a) => (is(x, GET, /^\/api\/identities$/) && a.status === 200 ? { body: { ...a.body, pageSize: 25 } } : undefined) },
  { name: 'a created event that reads back differently', expect: ['failure', 'semantics/number (read back): expected'], response: (x, a) => (is(x, GET, /^\/api\/personnel-events\/[0-9a-f-]{36}$/) && a.status === 200 && a.body.reporter?.name === 'API Token - Sandbox' ? { body: { ...a.body, number: a.body.number + 1000 } } : undefined) },
  { name: 'a created event missing from its list', expect: ['failure', 'semanticslistPersonnelEvents: expected the new event'], response: (x, a) => (is(x, GET, /^\/api\/personnel-events$/) && a.status === 200 ? { body: { ...a.body, items: a.body.items.filter((e: any) => e.reporter?.name !== 'API Token - Sandbox') } } : undefined) },
  { name: 'a cancel that leaves the import Pending', expect: ['failure', 'cancelApplicationImport semantics/status: expected "Canceling" first (the import was Pending; it is canceled in the background), actual "Pending"'], response: (x, a) => (is(x, POST, /cancel$/) && a.status === 200 ? { body: { ...a.body, status: 'Pending' } } : undefined) },
  {
    name: 'an empty upload file accepted',
    expect: ['failure', "uploadApplicationImport response.status: expected the request refused (the vendor's rule; the spec assumes 400), actual 201"],
    response: (x, a) => (is(x, POST, /upload$/) && a.status === 400 && JSON.stringify(a.body).includes('is empty') ? { status: 201, body: { ...a.body } } : undefined),
  },
  { name: 'a cancel that goes straight to Canceled', expect: ['failure', 'cancelApplicationImport semantics/status: expected "Canceling" first (the import was Pending'], response: (x, a) => (is(x, POST, /cancel$/) && a.status === 200 ? { body: { ...a.body, status: 'Canceled' } } : undefined) },
  { name: 'a refused upload that queues the import anyway', expect: ['failure', 'uploadApplicationImport semanticslistApplicationImports: expected no import created by a refused upload, actual new import'], response: async (x, a) => (is(x, POST, /upload$/) && a.status === 400 ? (await uploadBehindTheBack(x), undefined) : undefined) },
  { name: 'one operation that never answers', expect: ['failure', 'getApplication response: expected an answer within'] /* the wait scales with this machine's load */, request: (x) => (is(x, GET, /^\/api\/applications\/[0-9a-f-]{36}$/) ? 'hang' : undefined) },
  // --- choices the spec made where the vendor is silent ---------------------------------------------
  { name: 'page=0 answered 404 (the spec assumes 400)', expect: ['assumption', 'listIdentities response.status: expected 400, actual 404'], response: (x) => (is(x, GET, /^\/api\/identities$/) && x.url.searchParams.get('page') === '0' ? { status: 404, body: { error: 'not_found', message: 'No page 0', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' } } : undefined) },
  { name: 'an unknown identity answered 400 (the spec assumes 404)', expect: ['assumption', 'createOffboardEvent response.status: expected 404, actual 400'], response: (x, a) => (is(x, POST, /offboard$/) && a.status === 404 ? { status: 400, body: { error: 'validation_error', message: 'Invalid', correlationId: a.body.correlationId, errors: [{ field: 'identityId', message: 'Identity not found' }] } } : undefined) },
  { name: 'a malformed id answered 404 (the spec assumes 400)', expect: ['assumption', 'getIdentity response.status: expected 400, actual 404'], response: (x, a) => (is(x, GET, /^\/api\/identities\/not-a-guid$/) ? { status: 404, body: { error: 'not_found', message: 'Not found', correlationId: a.body.correlationId } } : undefined) },
  { name: 'identities ordered Z to A (the spec assumes A to Z)', expect: ['assumption', 'listIdentities semantics/items: expected ascending'], response: (x, a) => (is(x, GET, /^\/api\/identities$/) && a.status === 200 ? { body: { ...a.body, items: [...a.body.items].reverse() } } : undefined) },
  { name: 'a page past the end that repeats page 1 (the spec assumes an empty page)', expect: ['assumption', 'listIdentities semantics?page='], request: (x) => (is(x, GET, /^\/api\/identities$/) && Number(x.url.searchParams.get('page')) > 3 && !x.url.searchParams.has('x') ? { url: new URL(`${x.url.origin}${x.url.pathname}?page=1&x=1`) } : undefined) },
  { name: 'page=0 answered with page 1 (the vendor does not say)', expect: ['assumption', 'listIdentities response.status: expected 400, actual 200'], request: (x) => (is(x, GET, /^\/api\/identities$/) && x.url.searchParams.get('page') === '0' ? { url: new URL(`${x.url.origin}${x.url.pathname}?page=1`) } : undefined) },
  { name: 'an unknown filter value answered with an empty page (the vendor does not say)', expect: ['assumption', 'listPersonnelEvents response.status: expected 400, actual 200'], response: (x) => (is(x, GET, /^\/api\/personnel-events$/) && x.url.searchParams.get('status') === 'Approved' ? { status: 200, body: { items: [], totalCount: 0, page: 1, pageSize: 50, totalPages: 0 } } : undefined) },
  { name: 'an unknown identity checked before an impossible date (the vendor does not say which first)', expect: ['warning', 'createOffboardEvent response.status: expected 400 (or 404: the identity does not exist either'], response: (x, a) => (is(x, POST, /offboard$/) && x.body.toString().includes('2026-13-45') ? { status: 404, body: { error: 'not_found', message: 'Identity not found', correlationId: a.body.correlationId ?? 'a1b2c3d4e5f67890abcdef1234567890' } } : undefined) },
];

/** A valid upload to the same application, made by the server itself while it answers 400. */
async function uploadBehindTheBack(x: Exchange) {
  const upload = state.hints.upload;
  if (!upload) return;
  const form = new FormData();
  form.append('applicationId', upload.applicationId);
  for (const id of upload.fileGroupIds) form.append(id, new Blob(['employee_id\n1\n']), 'drift.csv');
  await fetch(new URL('/api/application-imports/upload', x.url), { method: 'POST', headers: { authorization: String(x.headers.authorization) }, body: form });
}
