#!/usr/bin/env node
// Release gate for a pull request: every shipped package it changes (a package under packages/
// that is not private; a change to spec/openapi.yaml or spec/sandbox.yaml changes
// @permission-assist/spec-kit, which ships them) is named by a changeset it adds, and a breaking
// spec change (as npm run spec:diff rates it) comes with a major changeset for the packages whose
// API follows the spec. Usage: npm run changeset:check -- [--base <git-ref>] (default origin/main, else HEAD)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import parseChangeset from '@changesets/parse';
import { analyzeSpecs } from './spec-diff.mjs';

const SPEC_FILES = ['spec/openapi.yaml', 'spec/sandbox.yaml'];
const SPEC_CARRIER = '@permission-assist/spec-kit';
/** The packages whose public API is generated from, or ships, the spec: a breaking spec change is a major release of each. */
export const FOLLOWS_SPEC = ['@permission-assist/client', '@permission-assist/spec-kit'];
/** Files of a package that do not reach its users. */
const NOT_SHIPPED = /^(test|bench)\//;

const git = (root, args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

function shippedPackages(root) {
  const dir = join(root, 'packages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .map((name) => ({ dir: `packages/${name}/`, manifest: JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir: pkgDir, manifest }) => ({ name: manifest.name, dir: pkgDir }));
}

/** Every problem with the changes since `base` (committed, staged, unstaged and untracked alike). */
export async function checkChangesets(root, base) {
  const since = git(root, ['merge-base', base, 'HEAD']).trim();
  const changed = [...new Set([...git(root, ['diff', '--name-only', since]).split('\n'), ...git(root, ['ls-files', '--others', '--exclude-standard']).split('\n')].filter(Boolean))];
  const packages = shippedPackages(root);
  const problems = [];

  const touched = new Map();
  for (const file of changed) {
    const pkg = packages.find((p) => file.startsWith(p.dir));
    if (pkg && !NOT_SHIPPED.test(file.slice(pkg.dir.length))) touched.set(pkg.name, touched.get(pkg.name) ?? file);
    if (SPEC_FILES.includes(file) && packages.some((p) => p.name === SPEC_CARRIER)) touched.set(SPEC_CARRIER, touched.get(SPEC_CARRIER) ?? file);
  }

  const releases = new Map();
  for (const file of changed.filter((f) => /^\.changeset\/[^/]+\.md$/.test(f) && !f.endsWith('README.md'))) {
    if (!existsSync(join(root, file))) continue; // deleted by `changeset version`
    let parsed;
    try {
      parsed = parseChangeset(readFileSync(join(root, file), 'utf8'));
    } catch (error) {
      problems.push(`${file} is not a valid changeset: ${error.message}`);
      continue;
    }
    for (const { name, type } of parsed.releases) {
      if (!packages.some((p) => p.name === name)) problems.push(`${file} names ${name}, which is not a shipped package (${packages.map((p) => p.name).join(', ')})`);
      const rank = { none: 0, patch: 1, minor: 2, major: 3 };
      if ((rank[type] ?? 0) > (rank[releases.get(name)] ?? -1)) releases.set(name, type);
    }
  }
  for (const [name, file] of touched) {
    if (!releases.has(name)) problems.push(`${name} changed (${file}) but no changeset names it: run npx changeset`);
  }

  if (changed.includes('spec/openapi.yaml')) {
    let baseText;
    try {
      baseText = git(root, ['show', `${since}:spec/openapi.yaml`]);
    } catch {
      baseText = undefined; // a spec added in this change: nothing to break
    }
    if (baseText !== undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'pa-changeset-check-'));
      try {
        writeFileSync(join(dir, 'base.yaml'), baseText);
        const analysis = await analyzeSpecs(join(dir, 'base.yaml'), join(root, 'spec/openapi.yaml'));
        if (analysis.breaking) {
          const reason = analysis.changes.find((c) => c.impact === 'major')?.message ?? 'see npm run spec:diff';
          for (const name of FOLLOWS_SPEC.filter((n) => packages.some((p) => p.name === n))) {
            if (releases.get(name) !== 'major') problems.push(`the spec change is breaking (${reason}) but ${name} has ${releases.has(name) ? `a ${releases.get(name)}` : 'no'} changeset: a breaking change needs a major one (spec/BREAKING-CHANGES.md)`);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return { changed: [...touched.keys()], releases: Object.fromEntries(releases), problems };
}

async function main() {
  const { values } = parseArgs({ options: { base: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('Usage: npm run changeset:check -- [--base <git-ref>]\nFails (exit 1) when a changed shipped package has no changeset, or a breaking spec change has no major one.');
    return 0;
  }
  const root = git(process.cwd(), ['rev-parse', '--show-toplevel']).trim();
  const base = values.base ?? (spawnSync('git', ['rev-parse', '--verify', '--quiet', 'origin/main'], { cwd: root }).status === 0 ? 'origin/main' : 'HEAD');
  let result;
  try {
    result = await checkChangesets(root, base);
  } catch (error) {
    console.error(`changeset:check: ${String(error.stderr || error.message).trim()}`);
    return 2;
  }
  for (const problem of result.problems) console.error(`changeset:check: ${problem}`);
  if (result.problems.length) return 1;
  console.log(`changeset:check: ${result.changed.length ? `${result.changed.join(', ')} changed since ${base}; each has a changeset` : `no shipped package changed since ${base}`}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
