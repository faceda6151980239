// Readable, JUnit and JSON reports of a contract run. None of them contains the token.
import junitReportBuilder from 'junit-report-builder';
import type { RunResult } from './runner.js';

// A CommonJS module whose types put the builder under `default`, while Node's ESM import hands
// over the builder itself; accept either shape.
const junit = ('newBuilder' in junitReportBuilder ? junitReportBuilder : junitReportBuilder.default) as typeof junitReportBuilder.default;

export function formatReport(result: RunResult): string {
  const lines: string[] = [];
  const skippedWrites = result.results.filter((r) => r.outcome === 'skipped' && r.write).length;
  lines.push(`Permission Assist contract run against ${result.target}`);
  lines.push(result.write ? 'Writes ON: create and import operations were called for real.' : `Read-only: ${skippedWrites} case(s) that create events or imports were not run (set PA_CONTRACT_WRITE=1 or --write).`);
  lines.push('');
  const width = Math.max(...result.coverage.map((row) => row.operationId.length), 9) + 2;
  lines.push(`${'OPERATION'.padEnd(width)}${'CASES'.padEnd(8)}${'RESULT'.padEnd(8)}STATUSES (* = exercised)`);
  for (const row of result.coverage) {
    const own = result.results.filter((r) => r.operationId === row.operationId);
    const failed = own.some((r) => r.outcome === 'failed');
    const ran = own.filter((r) => r.outcome !== 'skipped').length;
    const verdict = failed ? 'FAIL' : result.unexercised.includes(row.operationId) ? 'NONE' : 'pass';
    const statuses = [...Object.entries(row.statuses).map(([status, hit]) => `${status}${hit ? '*' : ''}`), ...row.undocumented.map((s) => `${s}!`)].join(' ');
    lines.push(`${row.operationId.padEnd(width)}${String(ran).padEnd(8)}${verdict.padEnd(8)}${statuses}`);
  }
  const failures = result.results.filter((r) => r.outcome === 'failed');
  if (failures.length) {
    lines.push('', 'Failures:');
    for (const failure of failures) {
      lines.push(`  ${failure.operationId} - ${failure.name}`);
      for (const v of failure.violations) lines.push(`    ${v.where}${v.path === '/' ? '' : v.path}: expected ${v.expected}, actual ${v.actual}`);
    }
  }
  if (result.unexercised.length) lines.push('', `Not exercised at all: ${result.unexercised.join(', ')}`);
  const count = (outcome: string) => result.results.filter((r) => r.outcome === outcome).length;
  lines.push('', `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped; ${result.passed ? 'the server honours the spec' : 'the server departs from the spec'}`);
  return lines.join('\n');
}

export function junitReport(result: RunResult): string {
  const builder = junit.newBuilder();
  const suite = builder.testSuite().name(`pa-contract ${result.target}`);
  for (const r of result.results) {
    const testCase = suite.testCase().className(r.operationId).name(r.name);
    if (r.outcome === 'failed') testCase.failure(r.violations.map((v) => `${v.where}${v.path === '/' ? '' : v.path}: expected ${v.expected}, actual ${v.actual}`).join('\n'));
    if (r.outcome === 'skipped') testCase.skipped();
  }
  for (const operationId of result.unexercised) suite.testCase().className(operationId).name('operation exercised').failure('no case reached this operation');
  return builder.build();
}

export function jsonReport(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
