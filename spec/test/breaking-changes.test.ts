// Runs the fixture table of spec edits through the breaking-change gate (scripts/spec-diff.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
// @ts-expect-error -- plain ESM script without type declarations
import { diffSpecs } from '../../scripts/spec-diff.mjs';
import { repoRoot } from './run-tool.js';

type Patch = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };
type Case = { name: string; patch: Patch[] };

const fixtures = join(repoRoot, 'spec/test/fixtures/breaking-changes');
const base = parse(readFileSync(join(fixtures, 'base.yaml'), 'utf8'));
const cases = parse(readFileSync(join(fixtures, 'cases.yaml'), 'utf8')) as { breaking: Case[]; safe: Case[] };
const work = mkdtempSync(join(tmpdir(), 'pa-breaking-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Minimal RFC 6902 add/replace/remove, enough for the fixture table. */
function applyPatch(document: unknown, patch: Patch[]) {
  const copy = structuredClone(document) as Record<string, unknown>;
  for (const { op, path, value } of patch) {
    const keys = path.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop()!;
    const parent = keys.reduce<any>((node, key) => {
      if (node?.[key] === undefined) throw new Error(`Patch path ${path} does not exist in base.yaml`);
      return node[key];
    }, copy);
    if (Array.isArray(parent) && op === 'add') parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    else if (op === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

function gate(testCase: Case, index: number) {
  const basePath = join(work, 'base.yaml');
  writeFileSync(basePath, stringify(base));
  const revisionPath = join(work, `revision-${index}.yaml`);
  writeFileSync(revisionPath, stringify(applyPatch(base, testCase.patch)));
  return diffSpecs(basePath, revisionPath) as { breaking: boolean; output: string };
}

describe('breaking-change gate', () => {
  it.concurrent.each(cases.breaking.map((c, i) => [c.name, c, i] as const))('flags %s', async (_n, testCase, i) => {
    const result = gate(testCase, i);
    expect(result.breaking, result.output).toBe(true);
    expect(result.output).toMatch(/major/);
  });

  it.concurrent.each(cases.safe.map((c, i) => [c.name, c, i + 100] as const))('lets %s through', async (_n, testCase, i) => {
    const result = gate(testCase, i);
    expect(result.breaking, result.output).toBe(false);
  });

  it('npm run spec:diff compares a git ref with the working copy and exits 1 on a breaking change', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'spec'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
    git('init', '-q');
    writeFileSync(join(repo, 'spec/openapi.yaml'), stringify(base));
    git('add', '.');
    git('commit', '-qm', 'base');
    const script = join(repoRoot, 'scripts/spec-diff.mjs');
    const unchanged = spawnSync('node', [script, 'HEAD'], { cwd: repo, encoding: 'utf8' });
    expect(unchanged.stdout).toContain('No breaking change against HEAD');
    expect(unchanged.status).toBe(0);
    writeFileSync(join(repo, 'spec/openapi.yaml'), stringify(applyPatch(base, cases.breaking[0]!.patch)));
    const broken = spawnSync('node', [script, 'HEAD'], { cwd: repo, encoding: 'utf8' });
    expect(broken.stdout).toContain('Breaking change against HEAD');
    expect(broken.status).toBe(1);
    const badRef = spawnSync('node', [script, 'no-such-ref'], { cwd: repo, encoding: 'utf8' });
    expect(badRef.stderr).toContain('cannot read spec/openapi.yaml at git ref "no-such-ref"');
    expect(badRef.status).toBe(2);
  });
});
