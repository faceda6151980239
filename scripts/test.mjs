// `npm test`: every workspace's tests through turbo, then one plain summary line,
// "N passed, N failed", summed from the vitest JSON report each workspace writes.
//
// The run gets a temporary folder of its own (TMPDIR for every test process), so a folder a test
// leaves behind is this run's and no other process's; anything left in it counts as one failure,
// and the folder goes. Every process the run starts carries PA_TEST_RUN=<this run>: one still alive
// when the run ends (a server a failed test did not stop) is named, stopped and counted as a
// failure too. One deadline bounds the whole run (PA_TEST_DEADLINE_MINUTES, 30 by default) rather
// than a wall clock per test tuned on a quiet machine.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveProcessesOf, stopProcesses } from './run-processes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const REPORT = '.vitest-report.json';

function workspaces() {
  const dirs = [];
  for (const pattern of manifest.workspaces) {
    if (!pattern.endsWith('/*')) dirs.push(pattern);
    else {
      const parent = pattern.slice(0, -2);
      dirs.push(...readdirSync(join(root, parent)).map((name) => `${parent}/${name}`));
    }
  }
  return dirs.filter((dir) => existsSync(join(root, dir, 'package.json')));
}

function deadlineMinutes() {
  const raw = process.env.PA_TEST_DEADLINE_MINUTES ?? '30';
  const minutes = Number(raw);
  if (!(minutes > 0)) {
    console.error(`test: PA_TEST_DEADLINE_MINUTES must be a number of minutes above 0, got "${raw}"`);
    process.exit(2);
  }
  return minutes;
}

const withTests = workspaces().filter((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).scripts?.test);
for (const dir of withTests) rmSync(join(root, dir, REPORT), { force: true });

const minutes = deadlineMinutes();
const runId = randomUUID();
const runTemp = mkdtempSync(join(tmpdir(), 'pa-test-run-'));
const started = Date.now();

const turbo = spawn('node', [join(root, 'scripts/turbo.mjs'), 'run', 'test', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: runTemp, PA_TEST_RUN: runId },
});
let timedOut = false;
const deadline = setTimeout(() => {
  timedOut = true;
  const pending = withTests.filter((dir) => !existsSync(join(root, dir, REPORT)));
  console.error(`\ntest: the run passed its ${minutes}-minute deadline (PA_TEST_DEADLINE_MINUTES); still running: ${pending.join(', ') || 'none'}. Stopping every process it started.`);
  stopProcesses(liveProcessesOf(runId));
}, minutes * 60_000);
const forward = (signal) => {
  stopProcesses(liveProcessesOf(runId));
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', forward);
process.once('SIGTERM', forward);
const status = await new Promise((resolve) => turbo.on('exit', (code) => resolve(code ?? 1)));
clearTimeout(deadline);

let passed = 0;
let failed = timedOut ? 1 : 0;
for (const dir of withTests) {
  const path = join(root, dir, REPORT);
  if (!existsSync(path)) {
    // The workspace's test run never produced a report (it crashed, or a task it depends on failed).
    console.error(`test: ${dir} wrote no test report; counting it as one failure`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests === 0 && !report.success) {
    console.error(`test: ${dir} failed outside any test (a suite could not load)`);
    failed += 1;
  }
}

// A process that is exiting as turbo ends gets a moment to go before it counts as left running.
let stragglers = liveProcessesOf(runId);
for (let wait = 0; stragglers.length && wait < 3; wait += 1) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  stragglers = liveProcessesOf(runId);
}
if (stragglers.length) {
  console.error(`test: the run left processes running; stopping them and counting one failure:\n${stragglers.map((p) => `  pid ${p.pid}: ${p.command}`).join('\n')}`);
  stopProcesses(stragglers);
  failed += 1;
}
// tsx keeps its compile cache in the temp folder (tsx-<uid>): a tool's cache, not a test's leftover.
const TOOL_CACHES = /^tsx-\d+$/;
const leftovers = readdirSync(runTemp).filter((name) => !TOOL_CACHES.test(name));
if (leftovers.length) {
  console.error(`test: the run left temporary files behind (${leftovers.join(', ')}); removing them and counting one failure`);
  failed += 1;
}
rmSync(runTemp, { recursive: true, force: true });

console.log(`test: ${withTests.length} workspaces in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
