// The verdict on one case, from what it did alone: the exchanges it had (as they came off the
// wire), the findings of its own checks, and what its run threw. Pure: no I/O, no clock, no shared
// state, so every rule of what counts as a failure, an unconfirmed assumption or a warning can be
// tested on its own.
import { PermissionAssistError, TimeoutError } from '@permission-assist/client';
import type { Contract } from '@permission-assist/spec-kit';
import { SkipCase, type ContractCase } from './cases/types.js';
import { assumptionText, fromViolation, type Finding } from './findings.js';
import type { Exchange } from './recorder.js';

export type Outcome = 'passed' | 'failed' | 'assumption' | 'warned' | 'skipped';

export interface CaseEvidence {
  exchanges: Exchange[];
  /** Findings of the case's own ctx.check() / ctx.assume() calls. */
  checks: Finding[];
  /** What the case's run threw, if anything. */
  thrown?: unknown;
}

export interface JudgeOptions {
  contract: Contract;
  strict: boolean;
  requestTimeoutMs: number;
}

export interface Judgement {
  outcome: Outcome;
  findings: Finding[];
  /** Why the case was skipped (it threw SkipCase). */
  reason?: string;
  /** The case got no answer in time (the runner counts these to tell a silent server). */
  timedOut: boolean;
  /** A bug in pa-contract, not in the server: exit code 3. */
  internalError?: string;
  /** Statuses seen per operation, for the coverage table. */
  statuses: { operationId: string; status: number }[];
}

export function parseBody(exchange: Pick<Exchange, 'bodyText'>): unknown {
  try {
    return JSON.parse(exchange.bodyText);
  } catch {
    return exchange.bodyText;
  }
}

const klass = (status: number) => Math.floor(status / 100);

/**
 * How an answer other than the expected status counts, given what the case rests on: a server
 * error is always a failure; without an assumption, any other status is; with one, the vendor's
 * own part (`documents`) still fails and the rest is an assumption that differs.
 */
export function statusSeverity(testCase: Pick<ContractCase, 'expectStatus' | 'assumption' | 'documents'>, actual: number): Finding['severity'] | undefined {
  const expected = testCase.expectStatus;
  if (expected === undefined || actual === expected) return undefined;
  if (!testCase.assumption || klass(actual) === 5) return 'failure';
  if (testCase.documents === 'refusal' && klass(actual) !== 4) return 'failure';
  if (testCase.documents === 'success' && klass(actual) !== 2) return 'failure';
  return 'assumption';
}

function statusExpectation(testCase: ContractCase, severity: Finding['severity']): string {
  if (severity === 'assumption') return `${testCase.expectStatus}`;
  if (testCase.documents === 'refusal') return `the request refused (the vendor's rule; the spec assumes ${testCase.expectStatus})`;
  if (testCase.documents === 'success') return `the request carried out (the spec assumes ${testCase.expectStatus})`;
  return `${testCase.expectStatus} for this case`;
}

export function judgeCase(testCase: ContractCase, evidence: CaseEvidence, options: JudgeOptions): Judgement {
  const { contract, strict, requestTimeoutMs } = options;
  const { exchanges, thrown } = evidence;
  if (thrown instanceof SkipCase) return { outcome: 'skipped', reason: thrown.message, findings: [], timedOut: false, statuses: [] };

  const findings: Finding[] = [...evidence.checks];
  const statuses: Judgement['statuses'] = [];
  let internalError: string | undefined;
  const finding = (severity: Finding['severity'], where: string, path: string, expected: string, actual: string, assumption?: Finding['assumption']) =>
    findings.push({ severity, operationId: testCase.operationId, where, path, expected, actual, ...(assumption ? { assumption } : {}) });
  const assumptionOf = (key: string) => ({ key, text: assumptionText(contract.spec, testCase.operationId, key) ?? key });

  // Every answer, as it came off the wire, against the spec.
  let schemaFailures = 0;
  for (const exchange of exchanges) {
    const pathname = new URL(exchange.url).pathname;
    const matched = contract.match(exchange.method, pathname);
    if (!matched) {
      finding('failure', 'request', '/', 'a documented operation', `${exchange.method} ${pathname}`);
      continue;
    }
    statuses.push({ operationId: matched.operationId, status: exchange.status });
    const checked = contract.checkResponse(matched, { status: exchange.status, contentType: exchange.contentType, body: parseBody(exchange), headers: exchange.headers }, { undocumentedFields: true });
    findings.push(...checked.violations.map((v) => fromViolation(v, 'failure')), ...checked.assumptions.map((v) => fromViolation(v, 'assumption')), ...checked.undocumented.map((v) => fromViolation(v, 'warning')));
    schemaFailures += checked.violations.length;
  }

  // The case's own expectation, judged on its first exchange with its operation.
  const own = exchanges.find((e) => contract.match(e.method, new URL(e.url).pathname)?.operationId === testCase.operationId) ?? exchanges.at(-1);
  if (own && testCase.alsoFair?.status === own.status && own.status !== testCase.expectStatus) {
    finding('warning', 'response.status', '/', `${testCase.expectStatus} (or ${own.status}: ${testCase.alsoFair.because})`, `${own.status}`);
  } else if (own) {
    const severity = statusSeverity(testCase, own.status);
    if (severity) finding(severity, 'response.status', '/', statusExpectation(testCase, severity), `${own.status}`, severity === 'assumption' ? assumptionOf(testCase.assumption!) : undefined);
  }
  if (own && testCase.expectFields && own.status === 400 && testCase.expectStatus === 400) {
    const errors = (parseBody(own) as { errors?: unknown } | null)?.errors;
    const named = Array.isArray(errors) ? errors.map((e) => (e as { field?: unknown } | null)?.field) : [];
    for (const field of testCase.expectFields) {
      if (named.includes(field)) continue;
      if (testCase.assumption) finding('assumption', 'response.body', '/errors', `a field error for "${field}"`, JSON.stringify(named), assumptionOf(testCase.assumption));
      else finding('failure', 'response.body', '/errors', `a field error for "${field}"`, JSON.stringify(named));
    }
  }

  // What the call threw: expected API errors are judged above; anything else is a finding.
  const timedOut = thrown instanceof TimeoutError;
  if (thrown !== undefined) {
    const message = (thrown as Error)?.message ?? String(thrown);
    if (timedOut) finding('failure', 'response', '/', `an answer within ${requestTimeoutMs / 1000} s`, 'no answer');
    else if (thrown instanceof PermissionAssistError) {
      if (exchanges.length === 0) finding('failure', 'call', '/', 'an answer', message);
    } else if (schemaFailures > 0) {
      // A departure from the spec the case could not work with; the departure is reported above.
      finding('failure', 'call', '/', 'a response the case can work with', message);
    } else {
      internalError = `${testCase.name}: ${(thrown as Error)?.stack ?? message}`;
      finding('failure', 'call', '/', 'the case to complete', `pa-contract failed: ${message}`);
    }
  }

  const has = (severity: Finding['severity']) => findings.some((f) => f.severity === severity);
  const outcome: Outcome = has('failure') || (strict && has('assumption')) ? 'failed' : has('assumption') ? 'assumption' : has('warning') ? 'warned' : 'passed';
  return { outcome, findings, timedOut, statuses, ...(internalError ? { internalError } : {}) };
}
