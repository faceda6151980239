// Proof that the suite catches drift: the sandbox, behind a proxy that makes it depart from the
// spec in one realistic way at a time, must be reported each time, with the right severity
// (a failure where the vendor documents the behaviour, an unconfirmed assumption where the spec
// chose, a warning for an extra field), and the faithful sandbox must be reported for nothing.
// The README's detection rate is this catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { describeFinding, groupFindings, resolveTarget, runContract, type RunResult, type Severity, type TargetHints } from '../src/index.js';
import { is, startDriftProxy, type Drift, type DriftProxy } from './helpers/drift-proxy.js';
import { budget } from './helpers/budget.js';

/**
 * 3 s at full speed, in whole seconds: on a loaded machine the proxy, the sandbox and the runner
 * share one starved process, and a slow first answer must not read as "never answers".
 */
const REQUEST_TIMEOUT_MS = Math.ceil(budget(3000) / 1000) * 1000;

interface Case extends Drift {
  /** What the run must report: severity and a part of the line `<operationId> <finding>`. */
  expect: [Severity, string];
  /** What it must not say (a misleading alternative branch). */
  absent?: string;
}

const GET = 'GET';
const POST = 'POST';
const ID = /^\/api\/[a-z-]+\/[0-9a-f-]{36}$/;
let page1: any;

const catalogue: Case[] = [
  // --- shapes the vendor documents ------------------------------------------------------------
  { name: 'a wrong enum value', expect: ['failure', 'getIdentity response.body/status: expected one of "Active", "Disabled", "Removed", actual "Deleted"'], response: (x, a) => (is(x, GET, /^\/api\/identities\/[0-9a-f-]{36}$/) && a.status === 200 ? { body: { ...a.body, status: 'Deleted' } } : undefined) },
  { name: 'a required field missing on every item', expect: ['failure', 'listApplications response.body/items/*/name: expected a required field, actual missing ('], response: (x, a) => (is(x, GET, /^\/api\/applications$/) && a.status === 200 ? { body: { ...a.body, items: a.body.items.map(({ name: _n, ...rest }: any) => rest) } } : undefined) },
  { name: 'a number sent as a string', expect: ['failure', 'listAccessRequests response.body/totalCount: expected type integer'], response: (x, a) => (is(x, GET, /^\/api\/access-requests$/) && a.status === 200 ? { body: { ...a.body, totalCount: String(a.body.totalCount) } } : undefined) },
  { name: 'an undocumented success status', expect: ['failure', 'createOnboardEvent response.status: expected one of 201, 400, 401, 403, 500 or another error status, actual 202'], response: (x, a) => (is(x, POST, /onboard$/) && a.status === 201 ? { status: 202 } : undefined) },
  { name: 'a login page instead of JSON', expect: ['failure', 'getApplication response.headers.content-type: expected application/json, actual text/html'], response: (x, a) => (is(x, GET, /^\/api\/applications\/[0-9a-f-]{36}$/) && a.status === 200 ? { contentType: 'text/html', body: '<html>Sign in</html>' } : undefined) },
  { name: 'null where the User branch wants a string (no "expected Group")', expect: ['failure', 'getAccessRequest response.body/target/name: expected type string, actual null'], absent: 'expected "Group"', response: (x, a) => (is(x, GET, /^\/api\/access-requests\/[0-9a-f-]{36}$/) && a.status === 200 && a.body.target.type === 'User' ? { body: { ...a.body, target: { ...a.body.target, name: null } } } : undefined) },
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
      if (x.url.searchParams.get('page') === '1') page1 = a.body;
      return x.url.searchParams.get('page') === '2' && page1 ? { body: { ...a.body, items: [page1.items[0], ...a.body.items.slice(1)] } } : undefined;
    },
  },
  { name: 'a page size other than 50', expect: ['failure', 'listIdentities response.body/pageSize: expected 50, actual 25'], response: (x, a) => (is(x, GET, /^\/api\/identities$/) && a.status === 200 ? { body: { ...a.body, pageSize: 25 } } : undefined) },
  { name: 'a created event that reads back differently', expect: ['failure', 'semantics/number (read back): expected'], response: (x, a) => (is(x, GET, /^\/api\/personnel-events\/[0-9a-f-]{36}$/) && a.status === 200 && a.body.reporter?.name === 'API Token - Sandbox' ? { body: { ...a.body, number: a.body.number + 1000 } } : undefined) },
  { name: 'a created event missing from its list', expect: ['failure', 'semanticslistPersonnelEvents: expected the new event'], response: (x, a) => (is(x, GET, /^\/api\/personnel-events$/) && a.status === 200 ? { body: { ...a.body, items: a.body.items.filter((e: any) => e.reporter?.name !== 'API Token - Sandbox') } } : undefined) },
  { name: 'a cancel that leaves the import Pending', expect: ['failure', 'cancelApplicationImport semantics/status: expected "Canceling", actual "Pending"'], response: (x, a) => (is(x, POST, /cancel$/) && a.status === 200 ? { body: { ...a.body, status: 'Pending' } } : undefined) },
  {
    name: 'an empty upload file accepted',
    expect: ['failure', 'uploadApplicationImport semanticsstatus: expected the empty file refused'],
    response: (x, a) => (is(x, POST, /upload$/) && a.status === 400 && JSON.stringify(a.body).includes('is empty') ? { status: 201, body: { ...a.body } } : undefined),
  },
  { name: 'one operation that never answers', expect: ['failure', `getApplication response: expected an answer within ${REQUEST_TIMEOUT_MS / 1000} s, actual no answer`], request: (x) => (is(x, GET, /^\/api\/applications\/[0-9a-f-]{36}$/) ? 'hang' : undefined) },
  // --- choices the spec made where the vendor is silent ---------------------------------------------
  { name: 'page=0 answered 404 (the spec assumes 400)', expect: ['assumption', 'listIdentities response.status: expected 400, actual 404'], response: (x) => (is(x, GET, /^\/api\/identities$/) && x.url.searchParams.get('page') === '0' ? { status: 404, body: { error: 'not_found', message: 'No page 0', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' } } : undefined) },
  { name: 'an unknown identity answered 400 (the spec assumes 404)', expect: ['assumption', 'createOffboardEvent response.status: expected 404, actual 400'], response: (x, a) => (is(x, POST, /offboard$/) && a.status === 404 ? { status: 400, body: { error: 'validation_error', message: 'Invalid', correlationId: a.body.correlationId, errors: [{ field: 'identityId', message: 'Identity not found' }] } } : undefined) },
  { name: 'a malformed id answered 404 (the spec assumes 400)', expect: ['assumption', 'getIdentity response.status: expected 400, actual 404'], response: (x, a) => (is(x, GET, /^\/api\/identities\/not-a-guid$/) ? { status: 404, body: { error: 'not_found', message: 'Not found', correlationId: a.body.correlationId } } : undefined) },
  { name: 'identities ordered Z to A (the spec assumes A to Z)', expect: ['assumption', 'listIdentities semantics/items: expected ascending'], response: (x, a) => (is(x, GET, /^\/api\/identities$/) && a.status === 200 ? { body: { ...a.body, items: [...a.body.items].reverse() } } : undefined) },
  { name: 'a page past the end that repeats page 1 (the spec assumes an empty page)', expect: ['assumption', 'listIdentities semantics?page='], request: (x) => (is(x, GET, /^\/api\/identities$/) && Number(x.url.searchParams.get('page')) > 3 && !x.url.searchParams.has('x') ? { url: new URL(`${x.url.origin}${x.url.pathname}?page=1&x=1`) } : undefined) },
];

let sandbox: RunningSandbox;
let proxy: DriftProxy;
let hints: TargetHints;
const runs = new Map<string, RunResult>();

/** Every finding of a run as `<operationId> <finding>`, by severity. */
function lines(run: RunResult, severity: Severity) {
  return run.results.flatMap((r) => groupFindings(r.findings.filter((f) => f.severity === severity)).map((g) => `${g.finding.operationId} ${describeFinding(g)}`));
}

const runThrough = (strict = false) => runContract({ baseUrl: proxy.url, token: 'pa_drift', write: true, strict, hints, requestTimeoutMs: REQUEST_TIMEOUT_MS });

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  proxy = await startDriftProxy(sandbox.url);
  hints = (await resolveTarget({ PA_BASE_URL: sandbox.url, PA_TOKEN: 'pa_drift' })).hints;
  for (const drift of catalogue) {
    page1 = undefined;
    proxy.use(drift);
    runs.set(drift.name, await runThrough());
  }
  proxy.use(undefined);
}, budget(240_000));

afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});

describe('drift is detected', () => {
  it('the faithful sandbox, through the same proxy, is reported for nothing at all', async () => {
    const run = await runThrough(true);
    expect([...lines(run, 'failure'), ...lines(run, 'assumption'), ...lines(run, 'warning')]).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  it.each(catalogue.map((drift) => [drift.name, drift] as const))('%s', (_name, drift) => {
    const run = runs.get(drift.name)!;
    const [severity, text] = drift.expect;
    const found = lines(run, severity);
    expect(found.some((line) => line.includes(text)), `${severity} lines:\n${found.join('\n')}\nsetup: ${run.setupError ?? 'ok'}`).toBe(true);
    if (drift.absent) expect(lines(run, severity).filter((line) => line.includes(drift.absent!))).toEqual([]);
    expect(run.internalErrors).toEqual([]);
    // Failures fail the run; assumptions and warnings do not (without --strict).
    expect(run.exitCode).toBe(severity === 'failure' ? 1 : 0);
  });

  it('--strict turns an unconfirmed assumption that differs into a failure', async () => {
    proxy.use(catalogue.find((d) => d.name.startsWith('page=0'))!);
    const run = await runThrough(true);
    proxy.use(undefined);
    expect(run.exitCode).toBe(1);
    expect(run.results.find((r) => r.name === 'listIdentities: page=0')!.outcome).toBe('failed');
  });

  it('repeated violations are one line with a count and an example', () => {
    const run = runs.get('a required field missing on every item')!;
    const line = lines(run, 'failure').find((l) => l.includes('/items/*/name'))!;
    expect(line).toMatch(/\((\d+) times, e\.g\. at \/items\/0\/name\)$/);
    expect(lines(run, 'failure').filter((l) => l.includes('/name: expected a required field'))).toHaveLength(1);
  });

  it('the detection rate the README states', () => {
    const detected = catalogue.filter((drift) => lines(runs.get(drift.name)!, drift.expect[0]).some((line) => line.includes(drift.expect[1])));
    expect(`${detected.length} of ${catalogue.length}`).toBe('28 of 28');
  });
});
