// pa-contract --workflows: the vendor's business flows, described as Arazzo 1.0 workflows next to
// the spec (spec/workflows/*.arazzo.yaml), run by `redocly respect` (which also checks every answer
// against the OpenAPI description). Against a real server the steps marked `x-sandbox-only` (approve,
// move the clock, and what depends on them) are taken out with their reason, workflows that write
// run only with --write, and those about an existing identity only with --write-identity.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { TargetHints } from './cases/types.js';
import { serverRoot } from './server-root.js';

export interface WorkflowOptions {
  baseUrl: string;
  token: string;
  /** The control plane of a sandbox answers there: sandbox-only steps run. */
  sandbox: boolean;
  write: boolean;
  writeIdentity?: string;
  hints: TargetHints;
  /** Where the *.arazzo.yaml files are (default: the spec's workflows folder). */
  directory?: string;
  /** Longest wait for one answer, in ms. */
  requestTimeoutMs?: number;
}

export interface WorkflowResult {
  file: string;
  workflowId: string;
  outcome: 'passed' | 'failed' | 'skipped';
  reason?: string;
  /** Steps taken out on this target, with why. */
  skippedSteps: { stepId: string; reason: string }[];
  /** For a failed workflow: `<stepId>: <check>` of every failed check of its last attempt per step. */
  failures: string[];
}

interface Step {
  stepId: string;
  'x-sandbox-only'?: string;
  [key: string]: unknown;
}
interface Workflow {
  workflowId: string;
  inputs?: { required?: string[] };
  steps: Step[];
}
interface ArazzoDocument {
  sourceDescriptions: { name: string; url: string }[];
  workflows: Workflow[];
  'x-pa-contract'?: { writes?: string; needs?: string };
}

const require = createRequire(import.meta.url);

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The workflows: the spec folder's in this repository, else the copy the package ships. */
export function workflowsDirectory(): string {
  const candidates = [resolve(packageRoot, '../../spec/workflows'), resolve(packageRoot, 'workflows')];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[1]!;
}

/** A source description's file: next to the workflows in the repository, else spec-kit's copy. */
function sourceFile(directory: string, source: { name: string; url: string }): string {
  const beside = resolve(directory, source.url);
  if (existsSync(beside)) return beside;
  const name = source.url.split('/').at(-1)!;
  return fileURLToPath(import.meta.resolve(`@permission-assist/spec-kit/${name}`));
}

/** The redocly CLI, or a message saying how to install it (it is an optional peer dependency). */
function redoclyBin(): string {
  try {
    const manifest = require.resolve('@redocly/cli/package.json');
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
    return resolve(dirname(manifest), bin.redocly ?? Object.values(bin)[0]!);
  } catch {
    throw new Error('--workflows runs them with redocly respect: install @redocly/cli 2.77.0 next to pa-contract (npm install --save-dev @redocly/cli@2.77.0)');
  }
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const later = (today: string, days: number) => day(new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000));

/** The values workflows take as inputs, as far as this target offers them. */
async function inputsFor(options: WorkflowOptions): Promise<Record<string, string>> {
  const root = serverRoot(options.baseUrl);
  const headers = { authorization: `Bearer ${options.token}` };
  const get = async (path: string) => {
    const response = await fetch(`${root}${path}`, { headers, signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000) });
    return response.ok ? ((await response.json()) as Record<string, any>) : undefined;
  };
  // The sandbox's clock decides what "today" is there.
  const today = options.sandbox ? ((await get('/sandbox/clock'))?.today ?? day(new Date())) : day(new Date());
  const endDate = later(today, 3);
  const inputs: Record<string, string> = { token: options.token, today, endDate, afterEndDate: `${endDate}T12:00:00Z` };
  if (options.hints.stageApplicationId) inputs.stageApplicationId = options.hints.stageApplicationId;
  if (options.writeIdentity) inputs.identityId = options.writeIdentity;
  else if (options.sandbox) {
    // Someone whose access was added and completed holds accounts that a leave can suspend. The
    // leave workflow counts the person's Restore requests as its own, so it takes someone with none,
    // and with no personnel event still under way: an earlier run's leave (the sandbox approves an
    // event by itself a little later) would add restores of its own half-way through.
    const granted = await get('/api/access-requests?type=Add&status=Completed');
    const candidates = new Set((granted?.items as { target?: { affectedIdentity?: { id?: string } | null } }[] | undefined)?.flatMap((r) => r.target?.affectedIdentity?.id ?? []));
    for (const id of candidates) {
      const person = encodeURIComponent(id);
      const restores = await get(`/api/access-requests?type=Restore&identityId=${person}`);
      const events = await get(`/api/personnel-events?identityId=${person}`);
      const settled = (events?.items as { status?: string }[] | undefined)?.every((e) => e.status === 'Completed' || e.status === 'Canceled');
      if (restores?.totalCount === 0 && events?.totalPages <= 1 && settled) {
        inputs.identityId = id;
        break;
      }
    }
  }
  return inputs;
}

/** Why a workflow cannot run on this target, if it cannot. */
function cannotRun(document: ArazzoDocument, workflow: Workflow, inputs: Record<string, string>, options: WorkflowOptions): string | undefined {
  const writes = document['x-pa-contract']?.writes;
  if (writes && !options.write && !options.sandbox) return `it creates ${writes}: run with --write`;
  const missing = (workflow.inputs?.required ?? []).filter((name) => !(name in inputs));
  if (missing.includes('identityId')) return 'it acts on an existing identity: name a test identity with --write-identity ID';
  if (missing.includes('stageApplicationId')) return 'it stages an import: name an application with an import schedule with --stage-application ID';
  if (missing.length) return `no value for ${missing.join(', ')}`;
  return undefined;
}

function runRespect(bin: string, cwd: string, files: string[], servers: string, inputs: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'respect', ...files, '--server', servers, '--json-output', 'respect.json', '--max-fetch-timeout', String(timeoutMs)], {
      cwd,
      // The token goes in the environment, not on a command line every user can read.
      env: { ...process.env, REDOCLY_CLI_RESPECT_INPUT: JSON.stringify(inputs), NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', fail);
    child.on('close', (code) => (code === null ? fail(new Error(`redocly respect was stopped: ${stderr}`)) : done(code)));
  });
}

interface RespectStep {
  stepId: string;
  status: string;
  checks?: { name: string; passed: boolean; condition?: string; message?: string }[];
}
interface RespectReport {
  files: Record<string, { executedWorkflows?: { workflowId: string; status: string; executedSteps: RespectStep[] }[] }>;
}

export async function runWorkflows(options: WorkflowOptions): Promise<WorkflowResult[]> {
  const directory = options.directory ?? workflowsDirectory();
  const bin = redoclyBin();
  const inputs = await inputsFor(options);
  const work = mkdtempSync(join(tmpdir(), 'pa-contract-workflows-'));
  const results: WorkflowResult[] = [];
  try {
    // Tools in this project never phone home: respect reads its configuration from the folder it runs in.
    writeFileSync(join(work, 'redocly.yaml'), 'telemetry: off\n');
    const runnable: string[] = [];
    // The leave of absence moves the sandbox's clock: it runs last.
    const files = readdirSync(directory).filter((f) => f.endsWith('.arazzo.yaml')).sort((a, b) => Number(a.startsWith('leave')) - Number(b.startsWith('leave')) || a.localeCompare(b));
    for (const file of files) {
      const document = parse(readFileSync(join(directory, file), 'utf8')) as ArazzoDocument;
      for (const source of document.sourceDescriptions) source.url = sourceFile(directory, source);
      const kept: Workflow[] = [];
      for (const workflow of document.workflows) {
        const skippedSteps = options.sandbox ? [] : workflow.steps.filter((s) => s['x-sandbox-only']).map((s) => ({ stepId: s.stepId, reason: `sandbox only: ${s['x-sandbox-only']}` }));
        const reason = cannotRun(document, workflow, inputs, options);
        if (reason) {
          results.push({ file, workflowId: workflow.workflowId, outcome: 'skipped', reason, skippedSteps: [], failures: [] });
          continue;
        }
        workflow.steps = workflow.steps.filter((s) => options.sandbox || !s['x-sandbox-only']);
        results.push({ file, workflowId: workflow.workflowId, outcome: 'failed', skippedSteps, failures: [] });
        kept.push(workflow);
      }
      if (!kept.length) continue;
      document.workflows = kept;
      writeFileSync(join(work, file), stringify(document));
      runnable.push(file);
    }
    if (runnable.length) {
      const root = serverRoot(options.baseUrl);
      const sources = ['pa', 'sandbox'].map((name) => `${name}=${root}`).join(',');
      await runRespect(bin, work, runnable, sources, inputs, options.requestTimeoutMs ?? 15_000);
      const report = JSON.parse(readFileSync(join(work, 'respect.json'), 'utf8')) as RespectReport;
      for (const result of results.filter((r) => r.outcome === 'failed')) {
        const executed = Object.entries(report.files).find(([name]) => name.endsWith(result.file))?.[1].executedWorkflows?.find((w) => w.workflowId === result.workflowId);
        if (!executed) {
          result.failures.push('respect did not run it');
          continue;
        }
        // A polled step fails until its last attempt: judge each step by its last attempt.
        const last = new Map(executed.executedSteps.map((s) => [s.stepId, s]));
        for (const step of last.values()) for (const check of step.checks ?? []) if (!check.passed) result.failures.push(`${step.stepId}: ${check.name}${check.condition ? ` (${check.condition})` : ''}`);
        if (executed.status === 'success' && result.failures.length === 0) result.outcome = 'passed';
        else if (result.failures.length === 0) result.failures.push(`respect reports ${executed.status}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export function formatWorkflows(results: WorkflowResult[], baseUrl: string): string {
  const lines = [`Permission Assist business workflows against ${baseUrl}`, ''];
  for (const r of results) {
    lines.push(`${r.outcome === 'passed' ? 'pass' : r.outcome === 'failed' ? 'FAIL' : 'skip'}  ${r.workflowId} (${r.file})${r.reason ? `: ${r.reason}` : ''}`);
    for (const s of r.skippedSteps) lines.push(`        step ${s.stepId} skipped: ${s.reason}`);
    for (const f of r.failures) lines.push(`        ${f}`);
  }
  const count = (o: WorkflowResult['outcome']) => results.filter((r) => r.outcome === o).length;
  lines.push('', `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return lines.join('\n');
}
