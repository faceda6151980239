// npm run api:changelog: the API changes since the last release tag, as a CHANGELOG section and,
// with --changeset, as a changeset at the bump the diff requires.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget } from './helpers/budget.js';
import { parse, stringify } from 'yaml';
import { repoRoot } from './helpers/shipped.js';

const work = mkdtempSync(join(tmpdir(), 'pa-api-changelog-test-'));
const repo = join(work, 'repo');
const script = join(repoRoot, 'scripts/api-changelog.mjs');
const baseSpec = readFileSync(join(repoRoot, 'spec/test/fixtures/breaking-changes/base.yaml'), 'utf8');
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const changelog = (...args: string[]) => spawnSync('node', [script, ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(join(repo, 'spec'), { recursive: true });
  mkdirSync(join(repo, '.changeset'));
  git('init', '-q');
  writeFileSync(join(repo, 'spec/openapi.yaml'), baseSpec);
  git('add', '.');
  git('commit', '-qm', 'release');
}, budget(30_000));

describe('api:changelog', () => {
  it('before the first release there is nothing to compare with', () => {
    const result = changelog();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no release yet');
  });

  it('lists the changes since the newest release tag, breaking first, with the operations they concern', () => {
    git('tag', '@permission-assist/spec-kit@0.9.0');
    git('tag', '@permission-assist/spec-kit@1.0.0');
    expect(changelog().stdout).toContain('did not change since @permission-assist/spec-kit@1.0.0');
    const spec = parse(baseSpec) as { info: { version: string }; paths: Record<string, unknown> };
    const [removed] = Object.keys(spec.paths);
    delete spec.paths[removed!];
    spec.info.version = '2.0.0';
    writeFileSync(join(repo, 'spec/openapi.yaml'), stringify(spec));
    const result = changelog('--changeset');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('### API changes (spec 1.0.0 → 2.0.0, since @permission-assist/spec-kit@1.0.0)');
    expect(result.stdout).toMatch(new RegExp(`- \\*\\*major\\*\\*: .*\\(\`GET ${removed!.replace(/[{}]/g, '\\$&')}\``));
    const written = parseChangeset(readFileSync(join(repo, '.changeset/api-changes.md'), 'utf8'));
    expect(written.releases).toEqual([
      { name: '@permission-assist/client', type: 'major' },
      { name: '@permission-assist/spec-kit', type: 'major' },
    ]);
    expect(written.summary).toContain('### API changes');
  }, budget(120_000));
});
