// Runs the contract cases against a target and checks every response the client received against
// the spec (documented status, content type, body schema), plus each case's own expectation.
import { createPermissionAssistClient, PermissionAssistError } from '@permission-assist/client';
import { createContract, type Contract, type Violation } from '@permission-assist/spec/contract';
import { cases as allCases, SkipCase, type CaseContext, type ContractCase } from './cases.js';
import { createRecorder, type Exchange } from './recorder.js';

export interface RunOptions {
  baseUrl: string;
  token: string;
  /** Run the cases that create events and imports. */
  write: boolean;
  cases?: ContractCase[];
  contract?: Contract;
  fetch?: typeof fetch;
}

export interface CaseResult {
  name: string;
  operationId: string;
  write: boolean;
  outcome: 'passed' | 'failed' | 'skipped';
  reason?: string;
  exchanges: { method: string; path: string; status: number }[];
  violations: Violation[];
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
  results: CaseResult[];
  coverage: CoverageRow[];
  /** Operations no case reached at all: the run fails if there is any. */
  unexercised: string[];
  passed: boolean;
}

function parseBody(exchange: Exchange): unknown {
  try {
    return JSON.parse(exchange.bodyText);
  } catch {
    return exchange.bodyText;
  }
}

export async function runContract(options: RunOptions): Promise<RunResult> {
  const contract = options.contract ?? createContract();
  const cases = options.cases ?? allCases;
  const client = (token: string, recorder: ReturnType<typeof createRecorder>) =>
    createPermissionAssistClient({ baseUrl: options.baseUrl, token, fetch: recorder.fetch, retry: false, timeoutMs: 20_000, userAgent: 'pa-contract/0.1.0' });
  const found: CaseContext['found'] = {};
  const results: CaseResult[] = [];
  const seen = new Map<string, Set<number>>();

  for (const testCase of cases) {
    const base: Omit<CaseResult, 'outcome'> = { name: testCase.name, operationId: testCase.operationId, write: testCase.write, exchanges: [], violations: [] };
    if (testCase.write && !options.write) {
      results.push({ ...base, outcome: 'skipped', reason: 'writes are off (set PA_CONTRACT_WRITE=1 or --write)' });
      continue;
    }
    const recorder = createRecorder(options.fetch);
    const ctx: CaseContext = { pa: client(options.token, recorder), withToken: (token) => client(token, recorder), found };
    let failure: string | undefined;
    try {
      await testCase.run(ctx);
    } catch (error) {
      if (error instanceof SkipCase) {
        results.push({ ...base, outcome: 'skipped', reason: error.message });
        continue;
      }
      // API errors are expected in negative cases; the recorded response is what gets judged.
      if (!(error instanceof PermissionAssistError) || recorder.exchanges.length === 0) failure = (error as Error).message;
    }
    const violations: Violation[] = [];
    for (const exchange of recorder.exchanges) {
      const pathname = new URL(exchange.url).pathname;
      base.exchanges.push({ method: exchange.method, path: pathname, status: exchange.status });
      const matched = contract.match(exchange.method, pathname);
      if (!matched) {
        violations.push({ operationId: testCase.operationId, where: 'request', path: '/', message: `no operation matches ${exchange.method} ${pathname}`, expected: 'a documented operation', actual: pathname });
        continue;
      }
      const statuses = seen.get(matched.operationId) ?? new Set<number>();
      statuses.add(exchange.status);
      seen.set(matched.operationId, statuses);
      violations.push(...contract.checkResponse(matched, { status: exchange.status, contentType: exchange.contentType, body: parseBody(exchange), headers: exchange.headers }).violations);
    }
    const last = recorder.exchanges.at(-1);
    if (last && testCase.expectStatus !== undefined && last.status !== testCase.expectStatus) {
      violations.push({ operationId: testCase.operationId, where: 'response.status', path: '/', message: `response.status: expected ${testCase.expectStatus} for this case, got ${last.status}`, expected: String(testCase.expectStatus), actual: String(last.status) });
    }
    if (last && testCase.expectFields && last.status === 400) {
      const named = ((parseBody(last) as { errors?: { field?: string }[] })?.errors ?? []).map((e) => e.field);
      for (const field of testCase.expectFields) {
        if (!named.includes(field)) {
          violations.push({ operationId: testCase.operationId, where: 'response.body', path: '/errors', message: `response.body/errors: expected a field error for "${field}", got ${JSON.stringify(named)}`, expected: `a field error for ${field}`, actual: JSON.stringify(named) });
        }
      }
    }
    if (failure) violations.push({ operationId: testCase.operationId, where: 'call', path: '/', message: `the call failed without a response: ${failure}`, expected: 'a response', actual: failure });
    results.push({ ...base, outcome: violations.length ? 'failed' : 'passed', violations });
  }

  const coverage: CoverageRow[] = contract.operations.map(({ operationId, method, path }) => {
    const operation = contract.spec.paths[path][method];
    const documented = Object.keys(operation.responses);
    const exercised = seen.get(operationId) ?? new Set<number>();
    return {
      operationId,
      statuses: Object.fromEntries(documented.map((status) => [status, exercised.has(Number(status))])),
      undocumented: [...exercised].filter((status) => !documented.includes(String(status))),
    };
  });
  const unexercised = coverage.filter((row) => Object.values(row.statuses).every((hit) => !hit) && row.undocumented.length === 0).map((row) => row.operationId);
  return {
    target: options.baseUrl,
    write: options.write,
    results,
    coverage,
    unexercised,
    passed: results.every((r) => r.outcome !== 'failed') && unexercised.length === 0,
  };
}
