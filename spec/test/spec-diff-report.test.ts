// npm run spec:diff names every operation a change concerns, through $refs, and writes its report
// as text, Markdown (a pull request's job summary) or JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget } from './budget.js';
import { repoRoot } from './run-tool.js';

const work = mkdtempSync(join(tmpdir(), 'pa-spec-diff-report-'));
const repo = join(work, 'repo');
const script = join(repoRoot, 'scripts/spec-diff.mjs');
const specText = readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The spec with Identity.emailAddress no longer required. */
function emailOptional(text: string): string {
  const start = text.indexOf('\n    Identity:\n');
  const line = text.indexOf('        - emailAddress\n', start);
  if (start < 0 || line < 0) throw new Error('spec/openapi.yaml no longer lists emailAddress as a required field of Identity');
  return text.slice(0, line) + text.slice(line + '        - emailAddress\n'.length);
}

const diff = (...args: string[]) => spawnSync('node', [script, 'HEAD', ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  mkdirSync(join(repo, 'spec'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
  git('init', '-q');
  writeFileSync(join(repo, 'spec/openapi.yaml'), specText);
  git('add', '.');
  git('commit', '-qm', 'base');
  writeFileSync(join(repo, 'spec/openapi.yaml'), emailOptional(specText));
}, budget(60_000));

describe('spec:diff report', () => {
  it('--format json: making Identity.emailAddress optional concerns every operation that returns identities', () => {
    const result = diff('--format', 'json');
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { breaking: boolean; changes: { message: string; operations: { operationId: string }[] }[] };
    expect(report.breaking).toBe(true);
    const change = report.changes.find((c) => c.message.includes('emailAddress'))!;
    expect(change.operations.map((op) => op.operationId)).toEqual(
      expect.arrayContaining(['listIdentities', 'getIdentity', 'listPersonnelEvents', 'getPersonnelEvent', 'listAccessRequests', 'getAccessRequest']),
    );
    // Operations that never return an identity are not named.
    expect(change.operations.map((op) => op.operationId)).not.toContain('listApplications');
  }, budget(120_000));

  it('--format markdown: a summary table for the pull request, breaking called out', () => {
    const result = diff('--format', 'markdown');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('## Spec changes against `HEAD`');
    expect(result.stdout).toContain('**Breaking**');
    expect(result.stdout).toMatch(/\| major \| Properties of `Identity` are no longer required: `emailAddress`\. \|.*`GET \/api\/identities` \(listIdentities\)/);
  }, budget(120_000));

  it('rejects an unknown format, naming the ones it has', () => {
    const result = diff('--format', 'html');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format must be one of stylish, markdown, json, got "html"');
  });
});
