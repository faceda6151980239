// The business workflows (spec/workflows/*.arazzo.yaml): they lint, they pass against the sandbox
// through redocly respect, against a real server (no control plane) the sandbox-only steps are
// taken out with their reason and writes wait for --write, and a server that breaks a flow fails it.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { resolveTarget, runWorkflows, workflowsDirectory, type Target, type WorkflowResult } from '../src/index.js';
import { budget } from './helpers/budget.js';
import { catalogue } from './helpers/drift-catalogue.js';
import { combine, realServer, startDriftProxy, type DriftProxy } from './helpers/drift-proxy.js';

const TOKEN = 'pa_workflow_contract';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const redocly = fileURLToPath(new URL('../../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
let sandbox: RunningSandbox;
let proxy: DriftProxy;
let sandboxTarget: Target;
const work = mkdtempSync(join(tmpdir(), 'pa-workflows-'));

const outcomes = (results: WorkflowResult[]) => Object.fromEntries(results.map((r) => [r.workflowId, r.outcome]));

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  proxy = await startDriftProxy(sandbox.url);
  sandboxTarget = await resolveTarget({ baseUrl: { value: sandbox.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' } });
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  rmSync(work, { recursive: true, force: true });
});

describe('business workflows', () => {
  it('are valid Arazzo 1.0 (redocly lint)', async () => {
    const files = readdirSync(workflowsDirectory()).filter((f) => f.endsWith('.arazzo.yaml')).map((f) => `spec/workflows/${f}`);
    expect(files).toHaveLength(5);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [redocly, 'lint', '--config', 'redocly.yaml', ...files], { cwd: root });
    expect(`${stdout}${stderr}`).toContain('Your API descriptions are valid');
  });

  it('against a real server: sandbox-only steps are skipped with their reason, writes wait for --write, identities for --write-identity', async () => {
    proxy.use(realServer);
    const real = await resolveTarget({ baseUrl: { value: proxy.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' } });
    expect(real.sandbox).toBe(false);
    const readOnly = await runWorkflows({ ...real, write: false });
    expect(outcomes(readOnly)).toMatchObject({ 'filter-narrows-and-pages': 'passed', 'onboard-approve-listed': 'skipped' });
    expect(readOnly.find((r) => r.workflowId === 'onboard-approve-listed')!.reason).toBe('it creates an onboarding event for a new hire "Contract Aaaworkflow": run with --write');

    // A completed request for a person (a group target has no affected identity), whichever comes first.
    const identity = (await (await fetch(`${sandbox.url}/api/access-requests?type=Add&status=Completed`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).items.find((r: { target: { affectedIdentity: { id: string } | null } }) => r.target.affectedIdentity).target.affectedIdentity.id;
    const writing = await runWorkflows({ ...real, write: true, writeIdentity: identity, hints: { stageApplicationId: sandboxTarget.hints.stageApplicationId } });
    expect(writing.flatMap((r) => r.failures)).toEqual([]);
    expect(outcomes(writing)).toEqual({ 'cancel-canceling-canceled': 'passed', 'filter-narrows-and-pages': 'passed', 'onboard-approve-listed': 'passed', 'stage-poll-finished': 'passed', 'leave-suspend-restore': 'passed' });
    const onboarding = writing.find((r) => r.workflowId === 'onboard-approve-listed')!;
    expect(onboarding.skippedSteps.map((s) => s.stepId)).toEqual(['approve', 'identity', 'listed']);
    expect(onboarding.skippedSteps[0]!.reason).toBe('sandbox only: approving an event is a person\'s step in the web interface; no API call does it');
    expect(writing.find((r) => r.workflowId === 'leave-suspend-restore')!.skippedSteps.map((s) => s.stepId)).toEqual(['approve', 'suspended', 'restoreScheduled', 'endDate', 'restored']);

    const noIdentity = await runWorkflows({ ...real, write: true });
    expect(noIdentity.find((r) => r.workflowId === 'leave-suspend-restore')).toMatchObject({ outcome: 'skipped', reason: 'it acts on an existing identity: name a test identity with --write-identity ID' });
  }, budget(120_000));

  it('a server whose cancel goes straight to Canceled fails the cancel workflow at that step', async () => {
    proxy.use(combine(catalogue.find((d) => d.name === 'a cancel that goes straight to Canceled')!));
    const target = await resolveTarget({ baseUrl: { value: proxy.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' } });
    const results = await runWorkflows({ ...target, write: true });
    const cancel = results.find((r) => r.workflowId === 'cancel-canceling-canceled')!;
    expect(cancel.outcome).toBe('failed');
    expect(cancel.failures).toContain("cancel: success criteria check ($response.body#/status == 'Canceling')");
  }, budget(120_000));
  it('pa-contract --workflows: a summary line per workflow, exit 2 with one line when there is no API', async () => {
    const bin = fileURLToPath(new URL('../bin/pa-contract.js', import.meta.url));
    const run = (args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, PA_TOKEN: TOKEN, PA_BASE_URL: '' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    proxy.use(realServer);
    const junit = join(work, 'workflows.xml');
    const readOnly = await run(['--workflows', '--base-url', proxy.url, '--junit', junit]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites tests="5" failures="0" errors="0" skipped="4">/);
    expect(xml).toContain('skipped: it creates an onboarding event');
    expect(readOnly.stdout).toContain('pass  filter-narrows-and-pages (filters.arazzo.yaml)');
    expect(readOnly.stdout).toContain('skip  onboard-approve-listed (onboarding.arazzo.yaml): it creates an onboarding event');
    expect(readOnly.stdout).toContain('1 passed, 0 failed, 4 skipped');
    expect(readOnly.code).toBe(0);
    const notApi = await run(['--workflows', '--base-url', `${sandbox.url}/docs`]);
    expect(notApi.stderr).toContain(`pa-contract: no Permission Assist API at ${sandbox.url}/docs`);
    expect(notApi.code).toBe(2);
  }, budget(120_000));

  it('the copy the package ships (built into workflows/) runs too, its source descriptions taken from spec-kit', async () => {
    const shipped = fileURLToPath(new URL('../workflows', import.meta.url));
    expect(readdirSync(shipped).sort()).toEqual(readdirSync(workflowsDirectory()).filter((f) => f.endsWith('.arazzo.yaml')).sort());
    const results = await runWorkflows({ ...sandboxTarget, write: true, directory: shipped });
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(results.every((r) => r.outcome === 'passed')).toBe(true);
  }, budget(120_000));

  it("the leave workflow takes a person with no leave under way (an earlier run's unapproved leave would add restores half-way)", async () => {
    const frozen = await startSandbox({ size: 'small', frozen: true });
    try {
      const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const get = async (path: string) => (await fetch(`${frozen.url}${path}`, { headers: auth })).json();
      // The person the first completed grant names, as a run before this one would have taken.
      const person = (await get('/api/access-requests?type=Add&status=Completed')).items.find((r: { target: { affectedIdentity: { id: string } | null } }) => r.target.affectedIdentity).target.affectedIdentity.id;
      const { today } = await get('/sandbox/clock');
      const endDate = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
      const left = await fetch(`${frozen.url}/api/personnel-events/leave-of-absence`, { method: 'POST', headers: auth, body: JSON.stringify({ identityId: person, effectiveDate: today, endDate }) });
      expect(left.status).toBe(201);
      const target = await resolveTarget({ baseUrl: { value: frozen.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' } });
      // The leave workflow alone: the others wait on the clock, which stands still here.
      const alone = mkdtempSync(join(work, 'leave-'));
      copyFileSync(join(fileURLToPath(new URL('../workflows', import.meta.url)), 'leave-of-absence.arazzo.yaml'), join(alone, 'leave-of-absence.arazzo.yaml'));
      const leave = (await runWorkflows({ ...target, write: true, directory: alone })).find((r) => r.workflowId === 'leave-suspend-restore')!;
      expect(leave.failures).toEqual([]);
      expect(leave.outcome).toBe('passed');
    } finally {
      await frozen.close();
    }
  }, budget(120_000));

  // Last: its leave of absence moves the sandbox's clock past the real date.
  it('all pass against the sandbox, approve and clock steps included', async () => {
    const results = await runWorkflows({ ...sandboxTarget, write: true });
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(outcomes(results)).toEqual({ 'cancel-canceling-canceled': 'passed', 'filter-narrows-and-pages': 'passed', 'onboard-approve-listed': 'passed', 'stage-poll-finished': 'passed', 'leave-suspend-restore': 'passed' });
    expect(results.flatMap((r) => r.skippedSteps)).toEqual([]);
  });
});
