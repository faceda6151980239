// The client README promises that its examples run as they are against the sandbox. Each TypeScript
// block of packages/client/README.md runs here, unchanged, as its own program (tsx) with PA_BASE_URL
// and PA_TOKEN pointing at a sandbox on its real-time clock: it must exit 0 and write nothing to
// stderr (the examples report failures there).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { budget } from './helpers/budget.js';

const run = promisify(execFile);
const readmePath = fileURLToPath(new URL('../../client/README.md', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Each ```ts block with the `## ` section it is in. */
function examplesOf(markdown: string): { section: string; code: string }[] {
  const found: { section: string; code: string }[] = [];
  let section = 'intro';
  for (const match of markdown.matchAll(/^## (.+)$|^```ts\n([\s\S]*?)^```/gm)) {
    if (match[1]) section = match[1];
    else found.push({ section, code: match[2]! });
  }
  return found;
}
const blocks = examplesOf(readFileSync(readmePath, 'utf8'));

// Inside the package, so that `@permission-assist/client` resolves to the workspace's built client.
const workDir = fileURLToPath(new URL(`./.readme-run-${process.pid}/`, import.meta.url));
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'medium' });
  mkdirSync(`${workDir}exports`, { recursive: true });
  // The file the upload example names by path.
  writeFileSync(`${workDir}exports/employees.csv`, 'employee_id,first_name,last_name\nE1001,Sarah,Chen\n');
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('client README examples against the sandbox', () => {
  it('the README has an example for each section that shows code', () => {
    expect(new Set(blocks.map((b) => b.section))).toEqual(
      new Set(['Quick start', 'Pagination', 'Errors', 'Status and headers of an answer', 'Retries, timeouts and cancellation', 'Logging', 'Uploads']),
    );
  });

  it.each(blocks.map((block, i) => [`${i + 1} (${block.section})`, block] as const))('example %s runs unchanged', async (name, { code }) => {
    const file = `${workDir}example-${name.split(' ')[0]}.ts`;
    writeFileSync(file, code);
    const { stdout, stderr } = await run(tsx, [file], {
      cwd: workDir,
      env: { ...process.env, PA_BASE_URL: sandbox.url, PA_TOKEN: 'pa_readme_examples' },
      timeout: budget(60_000),
    });
    expect(stderr).toBe('');
    expect(stdout).not.toBe('');
    if (code.includes('applicationImports.upload')) expect(stdout).toMatch(/^Finished \{/m);
    if (code.includes("pa.identities.get('')")) expect(stdout).toContain('id: must be a non-empty string');
  }, budget(90_000));
});
