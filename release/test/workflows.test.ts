// The CI kit in .github/workflows/: every workflow passes an offline schema validator
// (@action-validator/cli: its WebAssembly build ships in the package, nothing is downloaded), and
// every command a workflow runs is accounted for: the spec-change job's steps run here, in a
// throw-away repository, exactly as written; the others name the test that runs them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budget } from './helpers/budget.js';
import { parse } from 'yaml';
import { repoRoot } from './helpers/shipped.js';

const dir = join(repoRoot, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const validator = join(repoRoot, 'node_modules/.bin/action-validator');
const work = mkdtempSync(join(tmpdir(), 'pa-workflows-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Workflow {
  jobs: Record<string, { steps?: { run?: string; uses?: string; name?: string }[] }>;
}
const workflows = Object.fromEntries(files.map((f) => [f, parse(readFileSync(join(dir, f), 'utf8')) as Workflow]));
const runs = (file: string, job: string) => (workflows[file]!.jobs[job]!.steps ?? []).flatMap((s) => (s.run ? [s.run] : []));

/** Where the test suite runs each command the workflows run (other than the spec job's steps, run below). */
const COVERED: [RegExp, string][] = [
  [/^npm ci --no-audit --no-fund$/, 'prepares the checkout every test in npm test runs in'],
  [/^npm run build$/, 'turbo runs every build before the tests that depend on it (npm test)'],
  [/^npm test$/, 'the suite itself'],
  [/^npm run compat -- --versions \$\{\{ matrix\.line \}\}$/, 'release/test/compat.test.ts (arguments) and npm run compat (a full run, see README)'],
  [/^node scripts\/turbo\.mjs run build --filter=@permission-assist\/(spec-kit|docs)$/, 'the same turbo build npm test runs, one package'],
  [/^npm run --silent spec:lint-changed -- --base "origin\/\$GITHUB_BASE_REF"$/, 'below'],
  [/^npm run --silent spec:diff -- "origin\/\$GITHUB_BASE_REF" --format markdown >> "\$GITHUB_STEP_SUMMARY"$/, 'below'],
  [/^npm run --silent changeset:check -- --base "origin\/\$GITHUB_BASE_REF"$/, 'below, and release/test/changeset-check.test.ts'],
];

describe('.github/workflows', () => {
  it('has the test matrix, the spec-change job, docs deployment and the release', () => {
    expect(files.sort()).toEqual(['ci.yml', 'docs.yml', 'release.yml', 'spec.yml']);
    expect(JSON.stringify(workflows['ci.yml'])).toContain('"node":["20.19","22","24","26"]');
    expect(JSON.stringify(workflows['docs.yml'])).toContain('actions/deploy-pages');
    expect(JSON.stringify(workflows['release.yml'])).toContain('"NPM_CONFIG_PROVENANCE":"true"');
  });

  it.each(files)('%s passes the workflow schema validator', (file) => {
    const result = spawnSync(validator, [join(dir, file)], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status, result.stderr).toBe(0);
  });

  it('the validator does reject a broken workflow (a job with neither runs-on nor uses)', () => {
    const broken = join(work, 'broken.yml');
    writeFileSync(broken, 'name: Broken\non: push\njobs:\n  test:\n    steps:\n      - run: npm test\n');
    const result = spawnSync(validator, [broken], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
  });

  it('every command a workflow runs is one the test suite runs', () => {
    const all = files.flatMap((file) => Object.keys(workflows[file]!.jobs).flatMap((job) => runs(file, job).map((run) => ({ file, job, run: run.trim() }))));
    const uncovered = all.filter(({ run }) => !COVERED.some(([pattern]) => pattern.test(run)));
    expect(uncovered).toEqual([]);
  });

  it('the spec-change job, run step by step on a pull request with a breaking change: annotations, a Markdown summary, exit 1', () => {
    const repo = join(work, 'repo');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
    const write = (file: string, text: string) => {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), text);
    };
    // The scripts the job calls are this repository's; the repository they work on is this one.
    const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const scripts = Object.fromEntries(['spec:lint-changed', 'spec:diff', 'changeset:check'].map((name) => [name, root.scripts[name]!.replace(/scripts\//, `${repoRoot}scripts/`)]));
    mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    write('package.json', JSON.stringify({ name: 'pr', private: true, scripts }));
    write('packages/client/package.json', JSON.stringify({ name: '@permission-assist/client', version: '1.0.0' }));
    write('packages/spec-kit/package.json', JSON.stringify({ name: '@permission-assist/spec-kit', version: '1.0.0' }));
    const spec = readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8');
    write('spec/openapi.yaml', spec);
    git('add', '.');
    git('commit', '-qm', 'main');
    git('update-ref', 'refs/remotes/origin/main', 'main');
    git('checkout', '-qb', 'pull-request');
    // A pull request that makes Identity.emailAddress optional, on a line it adds a lint problem to, with major changesets.
    write('spec/openapi.yaml', spec.replace(/(\n    Identity:\n[\s\S]*?)        - emailAddress\n/, '$1').replace('  - url: https://{host}', '  - url: http://{host}'));
    write('.changeset/breaking.md', '---\n"@permission-assist/client": major\n"@permission-assist/spec-kit": major\n---\n\nemailAddress may be missing.\n');
    git('add', '.');
    git('commit', '-qm', 'pr');

    const summary = join(work, 'summary.md');
    writeFileSync(summary, '');
    const [, , lint, diff, changesets] = runs('spec.yml', 'spec');
    const step = (command: string) => spawnSync('bash', ['-e', '-c', command], { cwd: repo, encoding: 'utf8', timeout: 180_000, env: { ...process.env, GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary } });

    const linted = step(lint!);
    expect(linted.status).toBe(1);
    expect(linted.stdout).toMatch(/^::error file=spec\/openapi\.yaml,line=\d+,col=\d+,title=owasp:api8:2023-no-server-http::Server URLs must not use http:\/\//m);

    const diffed = step(diff!);
    expect(diffed.status).toBe(1);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## Spec changes against `origin/main`');
    expect(markdown).toContain('**Breaking**');
    expect(markdown).toContain('`GET /api/identities` (listIdentities)');

    const checked = step(changesets!);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  }, budget(420_000));
});
