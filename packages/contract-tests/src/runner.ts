// Runs the contract cases against a target: every response the client received is checked against
// the spec (status, content type, body, headers), each case's own expectation is checked, and what
// is found is told apart (failure / unconfirmed assumption / warning). A request that gets no answer
// is cut off by a deadline; a server that stops answering stops the run; a total deadline bounds it.
import { createPermissionAssistClient, PermissionAssistError, TimeoutError } from '@permission-assist/client';
import { createContract, type Contract } from '@permission-assist/spec-kit';
import { cases as allCases, SkipCase, type CaseContext, type ContractCase, type TargetHints } from './cases/index.js';
import { assumptionText, fromViolation, type Finding } from './findings.js';
import { createRecorder, type Exchange } from './recorder.js';
import { serverRoot } from './server-root.js';

export interface RunOptions {
  baseUrl: string;
  token: string;
  /** Run the cases that create events and imports. */
  write: boolean;
  /** Unconfirmed assumptions that differ fail the run too. */
  strict?: boolean;
  hints?: TargetHints;
  /** Longest wait for one answer, in ms (default 15 000). */
  requestTimeoutMs?: number;
  /** Longest whole run, in ms (default 600 000). */
  deadlineMs?: number;
  cases?: ContractCase[];
  contract?: Contract;
  fetch?: typeof fetch;
  /** Called after each case (progress output). */
  onCase?: (done: number, total: number, result: CaseResult) => void;
}

export type Outcome = 'passed' | 'failed' | 'assumption' | 'warned' | 'skipped';

export interface CaseResult {
  name: string;
  operationId: string;
  write: boolean;
  outcome: Outcome;
  reason?: string;
  exchanges: { method: string; path: string; status: number }[];
  findings: Finding[];
}

export interface CoverageRow {
  operationId: string;
  /** documented status -> exercised */
  statuses: Record<string, boolean>;
  /** statuses seen that the operation does not document */
  undocumented: number[];
}

export interface RunResult {
  target: string;
  write: boolean;
  strict: boolean;
  results: CaseResult[];
  coverage: CoverageRow[];
  /** Operations no case reached at all: the run fails if there is any. */
  unexercised: string[];
  /** Why the run could not be carried out (unreachable server...): exit code 2. */
  setupError?: string;
  /** Failures of pa-contract itself: exit code 3. */
  internalErrors: string[];
  durationMs: number;
  passed: boolean;
  /** 0 honours the spec, 1 departs from it, 2 bad setup, 3 internal error. */
  exitCode: 0 | 1 | 2 | 3;
}

const MAX_SILENT = 3;

function parseBody(exchange: Exchange): unknown {
  try {
    return JSON.parse(exchange.bodyText);
  } catch {
    return exchange.bodyText;
  }
}

/** A one-request check that the target answers at all, before anything is judged. */
export async function probe(baseUrl: string, token: string, timeoutMs: number, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  const url = `${serverRoot(baseUrl)}/api/identities?page=1`;
  try {
    const response = await fetchImpl(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer().catch(() => undefined);
    return undefined;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `no answer from ${baseUrl} within ${timeoutMs / 1000} s`;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `cannot reach ${baseUrl}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
  }
}

function exitCodeOf(result: Omit<RunResult, 'exitCode' | 'passed'>): RunResult['exitCode'] {
  if (result.setupError) return 2;
  if (result.internalErrors.length) return 3;
  const failed = result.results.some((r) => r.outcome === 'failed') || result.unexercised.length > 0;
  return failed ? 1 : 0;
}

export async function runContract(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const contract = options.contract ?? createContract();
  const cases = options.cases ?? allCases;
  const strict = options.strict ?? false;
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const deadline = started + (options.deadlineMs ?? 600_000);
  const results: CaseResult[] = [];
  const internalErrors: string[] = [];
  const seen = new Map<string, Set<number>>();
  const found: CaseContext['found'] = {};
  let setupError = await probe(options.baseUrl, options.token, requestTimeoutMs, options.fetch);
  let silent = 0;

  const client = (token: string, recorder: ReturnType<typeof createRecorder>) =>
    createPermissionAssistClient({ baseUrl: options.baseUrl, token, fetch: recorder.fetch, retry: false, timeoutMs: requestTimeoutMs, userAgent: 'pa-contract/0.1.0' });

  for (const [index, testCase] of cases.entries()) {
    const base = { name: testCase.name, operationId: testCase.operationId, write: testCase.write, exchanges: [] as CaseResult['exchanges'], findings: [] as Finding[] };
    const skip = (reason: string) => results.push({ ...base, outcome: 'skipped', reason });
    if (setupError) skip(`not run: ${setupError}`);
    else if (testCase.write && !options.write) skip('writes are off (set PA_CONTRACT_WRITE=1 or --write)');
    else if (Date.now() > deadline) skip(`not run: the run passed its deadline of ${(options.deadlineMs ?? 600_000) / 1000} s`);
    else results.push(await runCase(testCase, base));
    options.onCase?.(index + 1, cases.length, results.at(-1)!);
  }
  if (!setupError && results.some((r) => r.reason?.includes('deadline'))) {
    results.push({ name: 'the run', operationId: '(run)', write: false, outcome: 'failed', exchanges: [], findings: [{ severity: 'failure', operationId: '(run)', where: 'run', path: '/', expected: `every case within ${(options.deadlineMs ?? 600_000) / 1000} s`, actual: 'the deadline passed' }] });
  }

  async function runCase(testCase: ContractCase, base: Omit<CaseResult, 'outcome'>): Promise<CaseResult> {
    const recorder = createRecorder(options.fetch);
    const findings: Finding[] = base.findings;
    const finding = (severity: Finding['severity'], where: string, path: string, expected: string, actual: string, assumption?: Finding['assumption']) =>
      findings.push({ severity, operationId: testCase.operationId, where, path, expected, actual, ...(assumption ? { assumption } : {}) });
    const assumptionOf = (key: string) => ({ key, text: assumptionText(contract.spec, testCase.operationId, key) ?? key });
    const ctx: CaseContext = {
      pa: client(options.token, recorder),
      withToken: (token) => client(token, recorder),
      fetch: (path, init = {}) =>
        recorder.fetch(`${serverRoot(options.baseUrl)}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${options.token}`, ...(init.headers as Record<string, string>) },
          signal: AbortSignal.timeout(requestTimeoutMs),
        }),
      found,
      hints: options.hints ?? {},
      check: (ok, e) => {
        if (!ok) finding('failure', 'semantics', e.path ?? '/', e.expected, e.actual);
      },
      assume: (key, ok, e) => {
        if (!ok) finding('assumption', 'semantics', e.path ?? '/', e.expected, e.actual, assumptionOf(key));
      },
    };

    let thrown: unknown;
    try {
      await testCase.run(ctx);
    } catch (error) {
      if (error instanceof SkipCase) return { ...base, outcome: 'skipped', reason: error.message };
      thrown = error;
    }

    // Every answer, as it came off the wire, against the spec.
    let schemaFailures = 0;
    for (const exchange of recorder.exchanges) {
      const pathname = new URL(exchange.url).pathname;
      base.exchanges.push({ method: exchange.method, path: pathname, status: exchange.status });
      const matched = contract.match(exchange.method, pathname);
      if (!matched) {
        finding('failure', 'request', '/', 'a documented operation', `${exchange.method} ${pathname}`);
        continue;
      }
      const statuses = seen.get(matched.operationId) ?? new Set<number>();
      statuses.add(exchange.status);
      seen.set(matched.operationId, statuses);
      const checked = contract.checkResponse(matched, { status: exchange.status, contentType: exchange.contentType, body: parseBody(exchange), headers: exchange.headers }, { undocumentedFields: true });
      findings.push(...checked.violations.map((v) => fromViolation(v, 'failure')), ...checked.assumptions.map((v) => fromViolation(v, 'assumption')), ...checked.undocumented.map((v) => fromViolation(v, 'warning')));
      schemaFailures += checked.violations.length;
    }

    // The case's own expectation, judged on its first exchange with its operation.
    const own = recorder.exchanges.find((e) => contract.match(e.method, new URL(e.url).pathname)?.operationId === testCase.operationId) ?? recorder.exchanges.at(-1);
    if (own && testCase.expectStatus !== undefined && own.status !== testCase.expectStatus) {
      const sameClass = Math.floor(own.status / 100) === Math.floor(testCase.expectStatus / 100) || (testCase.assumption === 'inferred-path' && own.status === 404);
      if (testCase.assumption && (sameClass || (own.status >= 400 && own.status < 500 && testCase.expectStatus >= 400))) {
        finding('assumption', 'response.status', '/', `${testCase.expectStatus}`, `${own.status}`, assumptionOf(testCase.assumption));
      } else finding('failure', 'response.status', '/', `${testCase.expectStatus} for this case`, `${own.status}`);
    }
    if (own && testCase.expectFields && own.status === 400) {
      const errors = (parseBody(own) as { errors?: unknown })?.errors;
      const named = Array.isArray(errors) ? errors.map((e) => (e as { field?: unknown })?.field) : [];
      for (const field of testCase.expectFields) {
        if (named.includes(field)) continue;
        if (testCase.assumption) finding('assumption', 'response.body', '/errors', `a field error for "${field}"`, JSON.stringify(named), assumptionOf(testCase.assumption));
        else finding('failure', 'response.body', '/errors', `a field error for "${field}"`, JSON.stringify(named));
      }
    }

    // What the call threw: expected API errors are judged above; anything else is a finding.
    if (thrown !== undefined) {
      const message = (thrown as Error)?.message ?? String(thrown);
      if (thrown instanceof TimeoutError) {
        silent += 1;
        finding('failure', 'response', '/', `an answer within ${requestTimeoutMs / 1000} s`, 'no answer');
        if (silent >= MAX_SILENT) setupError = `${options.baseUrl} stopped answering (${MAX_SILENT} requests in a row got no answer within ${requestTimeoutMs / 1000} s)`;
      } else if (thrown instanceof PermissionAssistError) {
        if (recorder.exchanges.length === 0) finding('failure', 'call', '/', 'an answer', message);
      } else if (schemaFailures > 0) {
        // A departure from the spec the case could not work with; the departure is reported above.
        finding('failure', 'call', '/', 'a response the case can work with', message);
      } else {
        internalErrors.push(`${testCase.name}: ${(thrown as Error)?.stack ?? message}`);
        finding('failure', 'call', '/', 'the case to complete', `pa-contract failed: ${message}`);
      }
    }
    if (!(thrown instanceof TimeoutError)) silent = 0;

    const has = (severity: Finding['severity']) => findings.some((f) => f.severity === severity);
    const outcome: Outcome = has('failure') || (strict && has('assumption')) ? 'failed' : has('assumption') ? 'assumption' : has('warning') ? 'warned' : 'passed';
    return { ...base, outcome, findings };
  }

  const coverage: CoverageRow[] = contract.operations.map(({ operationId, operation }) => {
    const documented = Object.keys(operation.responses ?? {}).filter((status) => status !== 'default');
    const exercised = seen.get(operationId) ?? new Set<number>();
    return {
      operationId,
      statuses: Object.fromEntries(documented.map((status) => [status, exercised.has(Number(status))])),
      // `default` documents any other error status (spec: OtherError), not another success.
      undocumented: [...exercised].filter((status) => !documented.includes(String(status)) && !(status >= 400 && operation.responses?.default)),
    };
  });
  const unexercised = setupError ? [] : coverage.filter((row) => Object.values(row.statuses).every((hit) => !hit) && row.undocumented.length === 0).map((row) => row.operationId);
  const partial = { target: options.baseUrl, write: options.write, strict, results, coverage, unexercised, setupError, internalErrors, durationMs: Date.now() - started };
  const exitCode = exitCodeOf(partial);
  return { ...partial, exitCode, passed: exitCode === 0 };
}
