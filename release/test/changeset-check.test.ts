// npm run changeset:check, on a throw-away repository laid out like this one: a changed shipped
// package needs a changeset; a breaking spec change needs a major one for the client and spec kit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { budget } from './helpers/budget.js';
import { parse, stringify } from 'yaml';
import { repoRoot } from './helpers/shipped.js';

const work = mkdtempSync(join(tmpdir(), 'pa-changeset-check-'));
const script = join(repoRoot, 'scripts/changeset-check.mjs');
const baseSpec = readFileSync(join(repoRoot, 'spec/test/fixtures/breaking-changes/base.yaml'), 'utf8');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let repo = '';
let count = 0;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const write = (file: string, text: string) => {
  mkdirSync(join(repo, file, '..'), { recursive: true });
  writeFileSync(join(repo, file), text);
};
const changeset = (releases: Record<string, string>) =>
  write(`.changeset/change-${count++}.md`, `---\n${Object.entries(releases).map(([name, type]) => `"${name}": ${type}`).join('\n')}\n---\n\nWhat changed, for users.\n`);
const check = () => spawnSync('node', [script, '--base', 'main'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });

beforeEach(() => {
  repo = join(work, `repo-${count++}`);
  mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  for (const [dir, name, isPrivate] of [['client', '@permission-assist/client', false], ['spec-kit', '@permission-assist/spec-kit', false], ['bench-tools', '@permission-assist/bench-tools', true]] as const) {
    write(`packages/${dir}/package.json`, JSON.stringify({ name, version: '1.0.0', ...(isPrivate ? { private: true } : {}) }));
    write(`packages/${dir}/src/index.ts`, 'export const x = 1;\n');
  }
  write('spec/openapi.yaml', baseSpec);
  write('.changeset/README.md', 'Changesets.\n');
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
});

describe('changeset:check', () => {
  it('fails when a shipped package changes without a changeset, naming it and the file', () => {
    write('packages/client/src/index.ts', 'export const x = 2;\n');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('@permission-assist/client changed (packages/client/src/index.ts) but no changeset names it: run npx changeset');
  });

  it('passes once a changeset names the package, committed or not', () => {
    write('packages/client/src/index.ts', 'export const x = 2;\n');
    changeset({ '@permission-assist/client': 'patch' });
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('@permission-assist/client changed since main; each has a changeset');
    expect(result.status).toBe(0);
  });

  it('needs nothing for tests, private packages or a changeset-free branch', () => {
    write('packages/client/test/a.test.ts', '// a test\n');
    write('packages/bench-tools/src/index.ts', 'export const x = 3;\n');
    const result = check();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('no shipped package changed since main');
  });

  it('a spec change is a change to the spec kit, which ships it', () => {
    write('spec/openapi.yaml', baseSpec.replace('title:', 'summary: A new summary.\n  title:'));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('@permission-assist/spec-kit changed (spec/openapi.yaml) but no changeset names it');
  });

  it('a breaking spec change needs a major changeset for the client and the spec kit', () => {
    const spec = parse(baseSpec) as { paths: Record<string, unknown> };
    const [firstPath] = Object.keys(spec.paths);
    delete spec.paths[firstPath!];
    write('spec/openapi.yaml', stringify(spec));
    changeset({ '@permission-assist/spec-kit': 'minor', '@permission-assist/client': 'minor' });
    const minor = check();
    expect(minor.status).toBe(1);
    expect(minor.stderr).toMatch(/the spec change is breaking \(.+\) but @permission-assist\/client has a minor changeset: a breaking change needs a major one/);
    expect(minor.stderr).toContain('but @permission-assist/spec-kit has a minor changeset');
    changeset({ '@permission-assist/spec-kit': 'major', '@permission-assist/client': 'major' });
    const major = check();
    expect(major.status, major.stderr).toBe(0);
  }, budget(240_000));

  it('reports a changeset that names a package this repository does not ship', () => {
    changeset({ '@permission-assist/bench-tools': 'patch' });
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('names @permission-assist/bench-tools, which is not a shipped package');
  });
});
