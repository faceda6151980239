// The contract suite: every case against the target (the sandbox by default; a real server when
// PA_BASE_URL and PA_TOKEN are set), each response checked against the spec, and coverage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, describeFinding, formatReport, groupFindings, resolveTarget, runContract, type RunResult, type Target } from '../src/index.js';
import { budget } from './helpers/budget.js';

let target: Target;
let run: RunResult;

beforeAll(async () => {
  target = await resolveTarget();
  run = await runContract(target);
  // The readable report, including whether writes ran, in the test output.
  console.log(formatReport(run));
}, budget(120_000));
afterAll(() => target?.close());

describe('contract', () => {
  it('reaches the target', () => {
    expect(run.setupError).toBeUndefined();
    expect(run.internalErrors).toEqual([]);
  });

  it.for(cases.map((c) => c.name))('%s', (name, ctx) => {
    const result = run.results.find((r) => r.name === name)!;
    if (result.outcome === 'skipped') ctx.skip(result.reason);
    // Failures and unconfirmed assumptions alike: the sandbox makes every choice the spec assumes.
    expect(groupFindings(result.findings.filter((f) => f.severity !== 'warning')).map(describeFinding)).toEqual([]);
    expect(result.exchanges.length).toBeGreaterThan(0);
  });

  it('exercises every operation of the spec', () => {
    expect(run.coverage).toHaveLength(17);
    expect(run.unexercised).toEqual([]);
  });

  it('sees no status that an operation does not document', () => {
    expect(run.coverage.filter((row) => row.undocumented.length > 0)).toEqual([]);
  });

  it('against the sandbox: no case is skipped and nothing is even a warning', () => {
    if (target.kind !== 'sandbox') return;
    expect(run.results.filter((r) => r.outcome === 'skipped').map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
    expect(run.results.flatMap((r) => r.findings)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});
