#!/usr/bin/env node
// Lints the spec with Spectral (the rules of npm run lint) and prints each problem on a line this
// change touched as a GitHub Actions annotation, so a pull request shows it where it was made;
// problems elsewhere are counted in one notice. Fails on any error or warning, wherever it is.
// Usage: npm run spec:lint-changed -- [--base <git-ref>] [file...]   (default: the two specs against origin/main, else HEAD)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const toolsRoot = fileURLToPath(new URL('..', import.meta.url));
const SEVERITY = ['error', 'warning', 'notice', 'notice'];

/** Line numbers (1-based) that `git diff <since>` adds or changes in `file`. */
export function changedLines(root, since, file) {
  const diff = execFileSync('git', ['diff', '-U0', since, '--', file], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = new Set();
  for (const match of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    for (let line = start; line < start + count; line++) lines.add(line);
  }
  return lines;
}

/** Spectral's findings for the files: { file, line, column, severity, code, message }. */
export function spectral(root, files) {
  const dir = mkdtempSync(join(tmpdir(), 'pa-lint-changed-'));
  let report;
  try {
    const output = join(dir, 'report.json');
    const result = spawnSync(join(toolsRoot, 'node_modules/.bin/spectral'), ['lint', '--ruleset', join(toolsRoot, '.spectral.yaml'), '--format', 'json', '--output', output, '--fail-severity', 'hint', ...files], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    try {
      report = JSON.parse(readFileSync(output, 'utf8'));
    } catch {
      throw new Error(`spectral wrote no report (exit ${result.status}): ${result.stderr || result.stdout}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report.map((r) => ({
    file: relative(root, r.source),
    line: r.range.start.line + 1,
    column: r.range.start.character + 1,
    severity: SEVERITY[r.severity] ?? 'notice',
    code: r.code,
    message: r.message,
  }));
}

/** `%`, CR and LF are escaped in annotation values, as the workflow command syntax requires. */
const escape = (text) => String(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('Usage: npm run spec:lint-changed -- [--base <git-ref>] [file...]\nAnnotates Spectral problems on the lines changed since <git-ref>; exits 1 on any error or warning.');
    return 0;
  }
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const has = (ref) => spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: root }).status === 0;
  const base = values.base ?? (has('origin/main') ? 'origin/main' : 'HEAD');
  if (!has(base)) {
    console.error(`spec:lint-changed: no git ref "${base}"`);
    return 2;
  }
  const since = execFileSync('git', ['merge-base', base, 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const files = positionals.length ? positionals : ['spec/openapi.yaml', 'spec/sandbox.yaml'];
  const findings = spectral(root, files);
  const changed = new Map(files.map((file) => [file, changedLines(root, since, file)]));
  let outside = 0;
  for (const f of findings) {
    if (changed.get(f.file)?.has(f.line)) console.log(`::${f.severity} file=${f.file},line=${f.line},col=${f.column},title=${escape(f.code)}::${escape(f.message)}`);
    else outside++;
  }
  if (outside) console.log(`::notice::${outside} lint problem(s) on lines this change did not touch: run npm run lint`);
  const failing = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
  console.log(failing ? `spec:lint-changed: ${failing} error(s) or warning(s)` : 'spec:lint-changed: no errors or warnings');
  return failing ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
