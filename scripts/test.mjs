// `npm test`: every workspace's tests through turbo, then one plain summary line,
// "N passed, N failed", summed from the vitest JSON report each workspace writes.
// A test that leaves a temporary folder behind (ours are named pa-*) counts as a failure too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const withTests = workspaces().filter((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).scripts?.test);
for (const dir of withTests) rmSync(join(root, dir, REPORT), { force: true });

/** Temporary folders the tests create: our own (pa-*) and the browser's profiles. */
const ownTemp = () => new Set(readdirSync(tmpdir()).filter((name) => /^(pa-|playwright)/.test(name)));
const tempBefore = ownTemp();

const run = spawnSync('node', [join(root, 'scripts/turbo.mjs'), 'run', 'test', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
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
const leftovers = [...ownTemp()].filter((name) => !tempBefore.has(name));
if (leftovers.length) {
  console.error(`test: the run left temporary folders behind in ${tmpdir()}: ${leftovers.join(', ')}; counting one failure`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
