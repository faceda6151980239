// Readable, JUnit and JSON reports of a contract run. None of them contains the token. Repeated
// findings are grouped (one line with a count and an example), failures come first, then the
// unconfirmed assumptions that differ, then warnings.
import junitReportBuilder from 'junit-report-builder';
import { describeFinding, groupFindings, type Finding } from './findings.js';
import type { RunResult } from './runner.js';
import type { WorkflowResult } from './workflows.js';

// A CommonJS module whose types put the builder under `default`, while Node's ESM import hands
// over the builder itself; accept either shape.
const junit = ('newBuilder' in junitReportBuilder ? junitReportBuilder : junitReportBuilder.default) as typeof junitReportBuilder.default;

const EXIT_MEANING = ['the server honours the spec', 'the server departs from the spec', 'the run could not be carried out', 'pa-contract itself failed'];

function count(result: RunResult, outcome: string) {
  return result.results.filter((r) => r.outcome === outcome).length;
}

function section(lines: string[], title: string, result: RunResult, severity: Finding['severity']) {
  const cases = result.results.filter((r) => r.findings.some((f) => f.severity === severity));
  if (!cases.length) return;
  lines.push('', title);
  for (const c of cases) {
    lines.push(`  ${c.operationId} - ${c.name}`);
    for (const group of groupFindings(c.findings.filter((f) => f.severity === severity))) {
      lines.push(`    ${describeFinding(group)}`);
      if (group.finding.assumption) lines.push(`      (the spec assumes: ${group.finding.assumption.text})`);
    }
  }
}

export function formatReport(result: RunResult): string {
  const lines: string[] = [];
  const skippedWrites = result.results.filter((r) => r.outcome === 'skipped' && r.write && !r.reason?.startsWith('not run')).length;
  lines.push(`Permission Assist contract run against ${result.target}`);
  if (result.setupError) lines.push(`Could not run: ${result.setupError}`);
  lines.push(result.write ? 'Writes ON: create and import operations were called for real.' : `Read-only: ${skippedWrites} case(s) that create events or imports were not run (set PA_CONTRACT_WRITE=1 or --write).`);
  if (result.strict) lines.push('Strict: unconfirmed assumptions that differ fail the run.');
  lines.push('');
  const width = Math.max(...result.coverage.map((row) => row.operationId.length), 9) + 2;
  lines.push(`${'OPERATION'.padEnd(width)}${'CASES'.padEnd(8)}${'RESULT'.padEnd(8)}STATUSES (* = exercised, ! = not documented)`);
  for (const row of result.coverage) {
    const own = result.results.filter((r) => r.operationId === row.operationId);
    const ran = own.filter((r) => r.outcome !== 'skipped').length;
    const verdict = own.some((r) => r.outcome === 'failed') ? 'FAIL' : result.unexercised.includes(row.operationId) ? 'NONE' : own.some((r) => r.outcome === 'assumption') ? 'assume' : ran ? 'pass' : 'skip';
    const statuses = [...Object.entries(row.statuses).map(([status, hit]) => `${status}${hit ? '*' : ''}`), ...row.undocumented.map((s) => `${s}!`)].join(' ');
    lines.push(`${row.operationId.padEnd(width)}${String(ran).padEnd(8)}${verdict.padEnd(8)}${statuses}`);
  }
  section(lines, 'Failures:', result, 'failure');
  section(lines, result.strict ? 'Unconfirmed assumptions that differ (failures with --strict):' : 'Unconfirmed assumptions that differ (warnings; --strict makes them failures):', result, 'assumption');
  section(lines, 'Warnings (fields the spec does not define; allowed):', result, 'warning');
  if (result.unexercised.length) lines.push('', `Not exercised at all: ${result.unexercised.join(', ')}`);
  const skippedFor = new Map<string, number>();
  for (const r of result.results) if (r.outcome === 'skipped' && r.reason && !r.reason.startsWith('writes are off')) skippedFor.set(r.reason, (skippedFor.get(r.reason) ?? 0) + 1);
  if (skippedFor.size) lines.push('', 'Skipped:', ...[...skippedFor].map(([reason, n]) => `  ${n} case(s): ${reason}`));
  if (result.created.length) {
    lines.push('', `Created on the target (${result.created.length}); clean up what is left:`);
    for (const record of result.created) lines.push(`  ${record.kind}${record.number === undefined ? '' : ` ${record.number}`} ${record.id} ${record.link}`, `    by "${record.case}": ${record.cleanup}`);
  }
  if (result.internalErrors.length) lines.push('', 'pa-contract failed (please report this):', ...result.internalErrors.map((e) => `  ${e.split('\n')[0]}`));
  const findings = result.results.flatMap((r) => r.findings);
  const assumptions = findings.filter((f) => f.severity === 'assumption').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  lines.push(
    '',
    `${count(result, 'passed') + count(result, 'warned')} passed, ${count(result, 'failed')} failed, ${count(result, 'assumption')} with assumptions that differ, ${count(result, 'skipped')} skipped; ${assumptions} assumption finding(s), ${warnings} warning(s) in ${(result.durationMs / 1000).toFixed(1)} s`,
    `Exit ${result.exitCode}: ${EXIT_MEANING[result.exitCode]}`,
  );
  return lines.join('\n');
}

/** One test case per contract case, with its finding lines as the failure text. */
export function junitReport(result: RunResult): string {
  const builder = junit.newBuilder();
  const suite = builder.testSuite().name(`pa-contract ${result.target}`);
  if (result.setupError) suite.testCase().className('(run)').name('setup').error(result.setupError);
  for (const error of result.internalErrors) suite.testCase().className('(run)').name('pa-contract').error(error);
  for (const r of result.results) {
    const testCase = suite.testCase().className(r.operationId).name(r.name);
    const failing = r.findings.filter((f) => f.severity === 'failure' || (result.strict && f.severity === 'assumption'));
    if (r.outcome === 'failed') {
      const text = groupFindings(failing).map(describeFinding);
      testCase.failure(text[0] ?? 'failed').stacktrace(text.join('\n'));
    } else if (r.outcome === 'skipped') testCase.skipped();
    const notes = groupFindings(r.findings.filter((f) => !failing.includes(f))).map((g) => `${g.finding.severity}: ${describeFinding(g)}`);
    if (r.reason) notes.unshift(`skipped: ${r.reason}`);
    if (notes.length) testCase.standardOutput(notes.join('\n'));
  }
  for (const operationId of result.unexercised) suite.testCase().className(operationId).name('operation exercised').failure('no case reached this operation');
  for (const [i, c] of result.created.entries()) suite.property(`created.${i + 1}`, `${c.kind} ${c.id} ${c.link} (${c.cleanup})`);
  return builder.build();
}

/** pa-contract --workflows as JUnit: one test case per workflow, its failed checks as the failure text. */
export function junitWorkflows(results: WorkflowResult[], target: string): string {
  const builder = junit.newBuilder();
  const suite = builder.testSuite().name(`pa-contract --workflows ${target}`);
  for (const r of results) {
    const testCase = suite.testCase().className(r.file).name(r.workflowId);
    if (r.outcome === 'failed') testCase.failure(r.failures[0] ?? 'failed').stacktrace(r.failures.join('\n'));
    else if (r.outcome === 'skipped') testCase.skipped();
    const notes = [...(r.reason ? [`skipped: ${r.reason}`] : []), ...r.skippedSteps.map((s) => `step ${s.stepId} skipped: ${s.reason}`)];
    if (notes.length) testCase.standardOutput(notes.join('\n'));
  }
  return builder.build();
}

export function jsonReport(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
