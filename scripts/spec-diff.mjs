#!/usr/bin/env node
// Breaking-change gate: compares spec/openapi.yaml at a git ref with the working copy and fails on
// a breaking change. Usage: npm run spec:diff -- <git-ref>   (default: origin/main, else HEAD)
// The comparison is `redocly diff --fail-on=major` of the pinned @redocly/cli; the policy it
// enforces is written down in spec/BREAKING-CHANGES.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const toolsRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs the gate on two spec files; returns redocly's exit status and report. */
export function diffSpecs(basePath, revisionPath) {
  const result = spawnSync(
    join(toolsRoot, 'node_modules/.bin/redocly'),
    ['diff', basePath, revisionPath, '--fail-on=major', '--config', join(toolsRoot, 'redocly.yaml')],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  const output = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line)) // the Node 20 end-of-support banner
    .join('\n')
    .trim();
  return { breaking: result.status !== 0, status: result.status, output };
}

function defaultRef(cwd) {
  const has = (ref) => spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd }).status === 0;
  return has('origin/main') ? 'origin/main' : 'HEAD';
}

function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { spec: { type: 'string', default: 'spec/openapi.yaml' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npm run spec:diff -- [<git-ref>] [--spec spec/openapi.yaml]\nFails (exit 1) when the working copy breaks clients of the spec at <git-ref>.');
    return 0;
  }
  const cwd = process.cwd();
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' }).trim();
  const ref = positionals[0] ?? defaultRef(root);
  let baseText;
  try {
    baseText = execFileSync('git', ['show', `${ref}:${values.spec}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    console.error(`spec:diff: cannot read ${values.spec} at git ref "${ref}": ${String(error.stderr || error.message).trim()}`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pa-spec-diff-'));
  try {
    const basePath = join(dir, 'base.yaml');
    writeFileSync(basePath, baseText);
    const { breaking, status, output } = diffSpecs(basePath, join(root, values.spec));
    console.log(output);
    if (status !== 0 && !breaking) return status ?? 1;
    console.log(breaking ? `\nBreaking change against ${ref}: see spec/BREAKING-CHANGES.md.` : `\nNo breaking change against ${ref}.`);
    return breaking ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
