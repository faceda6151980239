// pa-contract: readable table, JUnit and JSON reports, exit codes, and the token never printed.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningServer } from '@permission-assist/mock';

const bin = fileURLToPath(new URL('../bin/pa-contract.js', import.meta.url));
const TOKEN = 'pa_secret_contract_token_do_not_print';
const work = mkdtempSync(join(tmpdir(), 'pa-contract-'));
let mock: RunningServer;

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { env: { ...process.env, PA_BASE_URL: '', PA_TOKEN: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
});

describe('pa-contract', () => {
  it('checks a server, prints a table per operation, writes JUnit and JSON, never prints the token', async () => {
    const junit = join(work, 'report.xml');
    const json = join(work, 'report.json');
    const result = await cli(['--base-url', mock.url, '--token', TOKEN, '--junit', junit, '--json', json]);
    expect(result.stdout).toContain(`Permission Assist contract run against ${mock.url}`);
    expect(result.stdout).toContain('Read-only: 7 case(s) that create events or imports were not run');
    expect(result.stdout).toMatch(/getIdentity\s+3\s+pass\s+200\* 400 401\* 403 404\* 500/);
    expect(result.stdout).toContain('35 passed, 0 failed, 7 skipped; the server honours the spec');
    expect(result.code).toBe(0);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites tests="42" failures="0" errors="0" skipped="7">');
    expect(JSON.parse(readFileSync(json, 'utf8')).passed).toBe(true);
    for (const text of [result.stdout, result.stderr, readFileSync(junit, 'utf8'), readFileSync(json, 'utf8')]) expect(text).not.toContain(TOKEN);
  });

  it('--write runs the write cases too', async () => {
    const result = await cli(['--base-url', mock.url, '--write'], { PA_TOKEN: TOKEN });
    expect(result.stdout).toContain('Writes ON');
    expect(result.stdout).toContain('42 passed, 0 failed, 0 skipped');
    expect(result.code).toBe(0);
  });

  it('exits 1 when the server departs from the spec', async () => {
    const wrong = await cli(['--base-url', `${mock.url}/not-the-api-root`, '--token', TOKEN]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('the server departs from the spec');
  });

  it('exits 2 with a clear message on a bad setup', async () => {
    const missing = await cli(['--base-url', mock.url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('set both PA_BASE_URL and PA_TOKEN');
    const bad = await cli(['--base-url', 'pa.example.com', '--token', TOKEN]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-url "pa.example.com" is not a URL');
  });
});
