#!/usr/bin/env node
// The "API changes" section of a release: `redocly diff` (through spec:diff's analysis, so each
// change names the operations it concerns) between the spec of the last release and this one.
// The last release is the newest @permission-assist/spec-kit@<version> tag `changeset publish`
// made, or --base <git-ref>. Prints the section; --changeset writes it as a changeset for the
// packages that follow the spec, at the bump the diff requires, so `changeset version` puts it in
// their CHANGELOG.md. Usage: npm run api:changelog -- [--base <git-ref>] [--changeset]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { FOLLOWS_SPEC } from './changeset-check.mjs';
import { analyzeSpecs } from './spec-diff.mjs';

const RELEASE_TAG = '@permission-assist/spec-kit@*';
const git = (root, args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** The newest release tag, by version order; undefined before the first release. */
export function lastRelease(root) {
  const tags = git(root, ['tag', '--list', RELEASE_TAG, '--sort=-v:refname']).split('\n').filter(Boolean);
  return tags[0];
}

const operationName = (op) => (op.webhook ? `webhook ${op.path}` : `${op.method} ${op.path}`);

/** The Markdown section, or undefined when the API did not change. */
export async function apiChangelog(root, base) {
  const current = join(root, 'spec/openapi.yaml');
  const dir = mkdtempSync(join(tmpdir(), 'pa-api-changelog-'));
  try {
    const baseText = git(root, ['show', `${base}:spec/openapi.yaml`]);
    writeFileSync(join(dir, 'base.yaml'), baseText);
    const analysis = await analyzeSpecs(join(dir, 'base.yaml'), current);
    if (analysis.changes.length === 0) return undefined;
    const version = (text) => parse(text).info.version;
    const order = { major: 0, minor: 1, patch: 2 };
    const lines = [`### API changes (spec ${version(baseText)} → ${version(readFileSync(current, 'utf8'))}, since ${base})`, ''];
    for (const change of [...analysis.changes].sort((a, b) => (order[a.impact] ?? 3) - (order[b.impact] ?? 3))) {
      const ops = change.operations.map((op) => `\`${operationName(op)}\``).join(', ');
      lines.push(`- **${change.impact}**: ${change.message}${ops ? ` (${ops})` : ''}`);
    }
    return { bump: analysis.bump, markdown: `${lines.join('\n')}\n` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { base: { type: 'string' }, changeset: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('Usage: npm run api:changelog -- [--base <git-ref>] [--changeset]\nPrints the API changes since the last release (or <git-ref>); --changeset writes them as .changeset/api-changes.md.');
    return 0;
  }
  const root = git(process.cwd(), ['rev-parse', '--show-toplevel']).trim();
  const base = values.base ?? lastRelease(root);
  if (!base) {
    console.log(`api:changelog: no release yet (no ${RELEASE_TAG} tag): nothing to compare with`);
    return 0;
  }
  let section;
  try {
    section = await apiChangelog(root, base);
  } catch (error) {
    console.error(`api:changelog: ${String(error.stderr || error.message).trim()}`);
    return 2;
  }
  if (!section) {
    console.log(`api:changelog: the API description did not change since ${base}`);
    return 0;
  }
  process.stdout.write(section.markdown);
  if (values.changeset) {
    const releases = FOLLOWS_SPEC.map((name) => `"${name}": ${section.bump}`).join('\n');
    writeFileSync(join(root, '.changeset/api-changes.md'), `---\n${releases}\n---\n\n${section.markdown}`);
    console.log('api:changelog: wrote .changeset/api-changes.md');
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
