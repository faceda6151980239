#!/usr/bin/env node
// Breaking-change gate: compares spec/openapi.yaml at a git ref with the working copy and fails on
// a breaking change. Usage: npm run spec:diff -- [<git-ref>] [--format stylish|markdown|json]
// (default ref: origin/main, else HEAD). The comparison is `redocly diff` of the pinned
// @redocly/cli; the policy it enforces is written down in spec/BREAKING-CHANGES.md. Every change
// names each operation it concerns, through $refs (scripts/spec-reach.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const toolsRoot = fileURLToPath(new URL('..', import.meta.url));
const FORMATS = ['stylish', 'markdown', 'json'];

function redocly(args) {
  const result = spawnSync(join(toolsRoot, 'node_modules/.bin/redocly'), args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const banner = (text) => text.split('\n').filter((line) => !/[║╔╚]/.test(line)).join('\n').trim(); // the Node 20 end-of-support banner
  return { status: result.status, stdout: banner(result.stdout ?? ''), stderr: banner(result.stderr ?? '') };
}

/** Runs the gate on two spec files; returns redocly's exit status and report. */
export function diffSpecs(basePath, revisionPath) {
  const { status, stdout, stderr } = redocly(['diff', basePath, revisionPath, '--fail-on=major', '--config', join(toolsRoot, 'redocly.yaml')]);
  return { breaking: status !== 0, status, output: `${stdout}\n${stderr}`.trim() };
}

/**
 * The changes between two spec files, each with the operations it concerns:
 * { bump, breaking, summary: { major, minor, patch }, changes: [{ impact, kind, rule, message, pointer, line, operations }] }.
 */
export async function analyzeSpecs(basePath, revisionPath) {
  const { status, stdout, stderr } = redocly(['diff', basePath, revisionPath, '--format', 'json', '--fail-on=none', '--config', join(toolsRoot, 'redocly.yaml')]);
  if (status !== 0) throw new Error(`redocly diff failed (${status}): ${stderr || stdout}`);
  const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  let kit;
  try {
    kit = await import('@permission-assist/spec-kit');
  } catch (error) {
    throw new Error(`spec:diff reads the specs with @permission-assist/spec-kit: build it first (npm run build). ${error.message}`);
  }
  const { operationReach, operationsConcerned } = await import('./spec-reach.mjs');
  const reaches = [operationReach(kit.loadSpec(basePath)), operationReach(kit.loadSpec(revisionPath))];
  const changes = report.changes.flatMap((change) =>
    (change.verdicts?.length ? change.verdicts : [{ impact: change.impact, message: `${change.kind} ${change.typeName ?? ''}`.trim(), ruleId: '' }]).map((verdict) => {
      const refs = [verdict.location?.pointer, change.base?.pointer, change.revision?.pointer, change.path].filter(Boolean);
      return {
        impact: verdict.impact ?? change.impact,
        kind: change.kind,
        rule: verdict.ruleId,
        message: verdict.message,
        pointer: verdict.location?.pointer ?? change.revision?.pointer ?? change.base?.pointer ?? change.path,
        line: verdict.location?.line,
        operations: operationsConcerned(reaches, refs),
      };
    }),
  );
  return { bump: report.bump, breaking: report.bump === 'major', summary: report.summary, changes };
}

const operationName = (op) => (op.webhook ? `webhook ${op.path}` : `${op.method} ${op.path}`);

export function toMarkdown(analysis, ref) {
  const { major = 0, minor = 0, patch = 0 } = analysis.summary ?? {};
  const lines = [
    `## Spec changes against \`${ref}\``,
    '',
    analysis.breaking
      ? '**Breaking**: clients built on the old spec can fail against this one. This needs a major version (spec/BREAKING-CHANGES.md) and a major changeset for @permission-assist/client and @permission-assist/spec-kit.'
      : analysis.changes.length
        ? 'No breaking change.'
        : 'No change to the API description.',
    '',
  ];
  if (analysis.changes.length) {
    lines.push(`${major} major · ${minor} minor · ${patch} patch`, '', '| Impact | Change | Where | Operations concerned |', '| --- | --- | --- | --- |');
    const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
    for (const c of analysis.changes) {
      const ops = c.operations.map((op) => `\`${operationName(op)}\` (${op.operationId})`).join(', ') || 'none';
      lines.push(`| ${c.impact} | ${cell(c.message)} | \`${cell(c.pointer)}\`${c.line ? ` line ${c.line}` : ''} | ${ops} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function toStylish(analysis, ref) {
  const lines = analysis.changes.map((c) => `${c.impact.padEnd(5)} ${c.message}\n      at ${c.pointer}${c.line ? ` (line ${c.line})` : ''}\n      concerns ${c.operations.map(operationName).join(', ') || 'no operation'}`);
  lines.push(analysis.breaking ? `\nBreaking change against ${ref}: see spec/BREAKING-CHANGES.md.` : `\nNo breaking change against ${ref}.`);
  return lines.join('\n');
}

function defaultRef(cwd) {
  const has = (ref) => spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd }).status === 0;
  return has('origin/main') ? 'origin/main' : 'HEAD';
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { spec: { type: 'string', default: 'spec/openapi.yaml' }, format: { type: 'string', default: 'stylish' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npm run spec:diff -- [<git-ref>] [--spec spec/openapi.yaml] [--format stylish|markdown|json]\nFails (exit 1) when the working copy breaks clients of the spec at <git-ref>; every change names the operations it concerns.');
    return 0;
  }
  if (!FORMATS.includes(values.format)) {
    console.error(`spec:diff: --format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    return 2;
  }
  const cwd = process.cwd();
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' }).trim();
  const ref = positionals[0] ?? defaultRef(root);
  let baseText;
  try {
    baseText = execFileSync('git', ['show', `${ref}:${values.spec}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    console.error(`spec:diff: cannot read ${values.spec} at git ref "${ref}": ${String(error.stderr || error.message).trim()}`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pa-spec-diff-'));
  try {
    const basePath = join(dir, 'base.yaml');
    writeFileSync(basePath, baseText);
    const analysis = await analyzeSpecs(basePath, join(root, values.spec));
    if (values.format === 'json') console.log(JSON.stringify({ ref, ...analysis }, null, 2));
    else if (values.format === 'markdown') process.stdout.write(toMarkdown(analysis, ref));
    else console.log(toStylish(analysis, ref));
    return analysis.breaking ? 1 : 0;
  } catch (error) {
    console.error(`spec:diff: ${error.message}`);
    return 2;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
