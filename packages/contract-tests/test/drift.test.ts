// Proof that the suite catches drift: the sandbox, behind a proxy that makes it depart from the
// spec in one realistic way at a time, must be reported each time, with the right severity
// (a failure where the vendor documents the behaviour, an unconfirmed assumption where the spec
// chose, a warning for an extra field), and the faithful sandbox must be reported for nothing.
// The README's detection rate is this catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { createContract } from '@permission-assist/spec-kit';
import { describeFinding, groupFindings, jsonReport, junitReport, resolveTarget, runContract, type RunResult, type Severity } from '../src/index.js';
import { reportErrors } from './helpers/report-schema.js';
import { catalogue, state } from './helpers/drift-catalogue.js';
import { startDriftProxy, type DriftProxy } from './helpers/drift-proxy.js';
import { REQUEST_TIMEOUT_MS } from './helpers/drift-catalogue.js';
import { budget } from './helpers/budget.js';

let sandbox: RunningSandbox;
let proxy: DriftProxy;
const runs = new Map<string, RunResult>();
// One compiled spec for every run: it holds no state of a run, and compiling it again for each of
// the 35 runs was a share of this file's CPU time.
const contract = createContract();

/** Every finding of a run as `<operationId> <finding>`, by severity. */
function lines(run: RunResult, severity: Severity) {
  return run.results.flatMap((r) => groupFindings(r.findings.filter((f) => f.severity === severity)).map((g) => `${g.finding.operationId} ${describeFinding(g)}`));
}

const runThrough = (strict = false) => runContract({ baseUrl: proxy.url, token: 'pa_drift', write: true, sandbox: true, strict, hints: state.hints, requestTimeoutMs: REQUEST_TIMEOUT_MS, contract });

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  proxy = await startDriftProxy(sandbox.url);
  state.hints = (await resolveTarget({ PA_BASE_URL: sandbox.url, PA_TOKEN: 'pa_drift' })).hints;
  for (const drift of catalogue) {
    state.page1 = undefined;
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

  it('every report conforms to the published JSON Schema; JUnit has one test case per check, its findings as failure text', () => {
    for (const [name, run] of runs) expect(reportErrors(JSON.parse(jsonReport(run))), name).toEqual([]);
    const run = runs.get('a wrong enum value')!;
    const xml = junitReport(run);
    expect(xml.match(/<testcase /g)).toHaveLength(run.results.length);
    const failed = run.results.find((r) => r.outcome === 'failed')!;
    const line = describeFinding(groupFindings(failed.findings)[0]!);
    expect(xml).toContain(`<failure message="${line.replace(/"/g, '&quot;')}"><![CDATA[${line}`);
  });

  it('repeated violations are one line with a count and an example', () => {
    const run = runs.get('a required field missing on every item')!;
    const line = lines(run, 'failure').find((l) => l.includes('/items/*/name'))!;
    expect(line).toMatch(/\((\d+) times, e\.g\. at \/items\/0\/name\)$/);
    expect(lines(run, 'failure').filter((l) => l.includes('/name: expected a required field'))).toHaveLength(1);
  });

  it('the detection rate the README states', () => {
    const detected = catalogue.filter((drift) => lines(runs.get(drift.name)!, drift.expect[0]).some((line) => line.includes(drift.expect[1])));
    expect(`${detected.length} of ${catalogue.length}`).toBe('33 of 33');
  });
});
