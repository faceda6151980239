// Runs the contract cases against a target: probes it first, runs each case with a recording
// client, has judgeCase() tell apart what it found (failure / unconfirmed assumption / warning),
// lists every record the run created, and cancels the imports it staged. A request that gets no
// answer is cut off; a server that stops answering stops the run; a total deadline bounds it.
import { createPermissionAssistClient } from '@permission-assist/client';
import { createContract, type Contract } from '@permission-assist/spec-kit';
import { cases as allCases, SkipCase, type CaseContext, type ContractCase, type TargetHints } from './cases/index.js';
import { cleanUp, createdRecords, type CreatedRecord } from './created.js';
import { assumptionText, type Finding } from './findings.js';
import { judgeCase, type Outcome } from './judge.js';
import { writePlan } from './plan.js';
import { probe } from './probe.js';
import { createRecorder } from './recorder.js';
import { serverRoot } from './server-root.js';

export type { Outcome } from './judge.js';

export interface RunOptions {
  baseUrl: string;
  token: string;
  /** Run the cases that create events and imports. */
  write: boolean;
  /** The target is a sandbox (its control plane answers): cases may act on any identity it holds. */
  sandbox?: boolean;
  /** The existing identity write cases may act on (--write-identity): a test identity. */
  writeIdentity?: string;
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
  /** Called after each case that ran or was skipped for its own reason (progress output). */
  onCase?: (done: number, total: number, result: CaseResult) => void;
  /** Called once, before the first case, with what a run with writes will create. */
  onPlan?: (lines: string[]) => void;
}

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
  /** Every record the run created on the target, with what the clean-up did to it. */
  created: CreatedRecord[];
  /** Why the run could not be carried out (unreachable server, refused token...): exit code 2. */
  setupError?: string;
  /** Failures of pa-contract itself: exit code 3. */
  internalErrors: string[];
  durationMs: number;
  passed: boolean;
  /** 0 honours the spec, 1 departs from it, 2 bad setup, 3 internal error. */
  exitCode: 0 | 1 | 2 | 3;
}

const MAX_SILENT = 3;

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
  const deadlineSeconds = (options.deadlineMs ?? 600_000) / 1000;
  const deadline = started + (options.deadlineMs ?? 600_000);
  const results: CaseResult[] = [];
  const internalErrors: string[] = [];
  const created: CreatedRecord[] = [];
  const seen = new Map<string, Set<number>>();
  const found: CaseContext['found'] = {};
  let setupError = await probe(options.baseUrl, options.token, requestTimeoutMs, options.fetch);
  let silent = 0;
  let stopped: string | undefined;

  const client = (token: string, recorder: ReturnType<typeof createRecorder>) =>
    createPermissionAssistClient({ baseUrl: options.baseUrl, token, fetch: recorder.fetch, retry: false, timeoutMs: requestTimeoutMs, userAgent: 'pa-contract/0.1.0' });
  const toRun = (testCase: ContractCase) => !testCase.write || options.write;

  if (!setupError && options.write) {
    const identity = options.writeIdentity ?? (options.sandbox ? 'an active identity the sandbox holds' : undefined);
    const plan = writePlan(cases.filter(toRun), { baseUrl: options.baseUrl, sandbox: options.sandbox ?? false, identity, hints: options.hints ?? {} });
    if (plan.length) options.onPlan?.(plan);
  }

  for (const [index, testCase] of cases.entries()) {
    // A probe that failed is said once, in the report, not once per case.
    if (setupError && !stopped) break;
    const base = { name: testCase.name, operationId: testCase.operationId, write: testCase.write, exchanges: [] as CaseResult['exchanges'], findings: [] as Finding[] };
    if (stopped) {
      results.push({ ...base, outcome: 'skipped', reason: `not run: ${stopped}` });
      continue;
    }
    if (Date.now() > deadline) {
      stopped = `the run passed its deadline of ${deadlineSeconds} s`;
      results.push({ ...base, outcome: 'skipped', reason: `not run: ${stopped}` });
      continue;
    }
    const result = toRun(testCase) ? await runCase(testCase, base) : { ...base, outcome: 'skipped' as const, reason: 'writes are off (set PA_CONTRACT_WRITE=1 or --write)' };
    results.push(result);
    options.onCase?.(index + 1, cases.length, result);
    if (setupError) stopped = setupError;
  }
  if (stopped && !setupError) {
    results.push({ name: 'the run', operationId: '(run)', write: false, outcome: 'failed', exchanges: [], findings: [{ severity: 'failure', operationId: '(run)', where: 'run', path: '/', expected: `every case within ${deadlineSeconds} s`, actual: 'the deadline passed' }] });
  }
  // Whatever happened, imports the run staged are canceled where the server still allows it.
  if (created.length && !setupError) await cleanUp(created, client(options.token, createRecorder(options.fetch)));

  async function runCase(testCase: ContractCase, base: Omit<CaseResult, 'outcome'>): Promise<CaseResult> {
    const recorder = createRecorder(options.fetch);
    const checks: Finding[] = [];
    const check = (severity: Finding['severity'], path: string, expected: string, actual: string, assumption?: Finding['assumption']) =>
      checks.push({ severity, operationId: testCase.operationId, where: 'semantics', path, expected, actual, ...(assumption ? { assumption } : {}) });
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
      sandbox: options.sandbox ?? false,
      subject: () => subject(found, options),
      check: (ok, e) => {
        if (!ok) check('failure', e.path ?? '/', e.expected, e.actual);
      },
      assume: (key, ok, e) => {
        if (!ok) check('assumption', e.path ?? '/', e.expected, e.actual, { key, text: assumptionText(contract.spec, testCase.operationId, key) ?? key });
      },
    };

    let thrown: unknown;
    try {
      await testCase.run(ctx);
    } catch (error) {
      thrown = error;
    }
    const judged = judgeCase(testCase, { exchanges: recorder.exchanges, checks, thrown }, { contract, strict, requestTimeoutMs });
    for (const { operationId, status } of judged.statuses) seen.set(operationId, (seen.get(operationId) ?? new Set()).add(status));
    if (judged.internalError) internalErrors.push(judged.internalError);
    created.push(...createdRecords(testCase.name, recorder.exchanges, contract, options.baseUrl));
    silent = judged.timedOut ? silent + 1 : 0;
    if (silent >= MAX_SILENT) setupError = `${options.baseUrl} stopped answering (${MAX_SILENT} requests in a row got no answer within ${requestTimeoutMs / 1000} s)`;
    const exchanges = recorder.exchanges.map((e) => ({ method: e.method, path: new URL(e.url).pathname, status: e.status }));
    return { ...base, exchanges, findings: judged.findings, outcome: judged.outcome, ...(judged.reason ? { reason: judged.reason } : {}) };
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
  const partial = { target: options.baseUrl, write: options.write, strict, results, coverage, unexercised, created, setupError, internalErrors, durationMs: Date.now() - started };
  const exitCode = exitCodeOf(partial);
  return { ...partial, exitCode, passed: exitCode === 0 };
}

/** The identity a case may act on: the one the user named, or on a sandbox one it holds. */
function subject(found: CaseContext['found'], options: RunOptions): string {
  if (options.writeIdentity) return options.writeIdentity;
  if (!options.sandbox) throw new SkipCase('acts on an existing identity: name a test identity with --write-identity ID');
  const listed: { id: string; status?: string }[] = found.pages?.identity?.items ?? [];
  const active = listed.find((i) => i.status === 'Active') ?? listed[0];
  if (!active) throw new SkipCase('no identity on the target');
  return active.id;
}
