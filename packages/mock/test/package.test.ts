// The published package as users get it: packed, installed into an empty project outside this
// repository (so no workspace package can stand in for a missing dependency), then used as a
// library (startSandbox in a test suite) and as a command (npx pa-mock).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pa-mock-pack-'));
const project = join(work, 'integration');
let tarball = '';

beforeAll(() => {
  // The spec kit is a published package the mock depends on: its tarball is installed alongside.
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(packageDir, '../spec-kit'), encoding: 'utf8' });
  const specKit = join(work, readdirSync(work).find((f) => f.includes('spec-kit') && f.endsWith('.tgz'))!);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'integration', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--prefer-offline', '--no-audit', '--no-fund', tarball, specKit], { cwd: project });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed @permission-assist/mock', () => {
  it('holds dist, bin, README and LICENSE, and no sources or tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/bin/pa-mock.js', 'package/README.md', 'package/LICENSE']));
    expect(listing.filter((f) => /\/(src|test|scripts)\//.test(f))).toEqual([]);
  });

  it('depends on no private workspace package: only the published spec kit', () => {
    const installed = readdirSync(join(project, 'node_modules/@permission-assist'));
    expect(installed.sort()).toEqual(['mock', 'spec-kit']);
  });

  it('startSandbox works in an integration\'s own code', async () => {
    writeFileSync(
      join(project, 'suite.mjs'),
      `import { startSandbox } from '@permission-assist/mock';
const sandbox = await startSandbox({ size: 'small', frozen: true });
const headers = { authorization: 'Bearer ' + sandbox.token };
const page = await (await fetch(sandbox.url + '/api/identities', { headers })).json();
const steps = sandbox.clock.advance({ days: 1 });
await sandbox.close();
console.log(JSON.stringify({ total: page.totalCount, steps: typeof steps }));
`,
    );
    const out = execFileSync('node', ['suite.mjs'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ total: expect.any(Number), steps: 'number' });
    expect(JSON.parse(out).total).toBeGreaterThan(100);
  });

  it('npx pa-mock serves the sandbox', async () => {
    const child = spawn(join(project, 'node_modules/.bin/pa-mock'), ['--port', '0', '--size', 'small', '--quiet'], { cwd: project });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => output, { timeout: 15_000 }).toMatch(/listening on (http:\/\/\S+)/);
      const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
      const res = await fetch(`${url}/api/applications/b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e`, { headers: { authorization: 'Bearer pa_x' } });
      expect((await res.json()).name).toBe('Jack Henry Symitar');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
