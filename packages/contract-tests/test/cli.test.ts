// pa-contract as CI runs it: exit codes (0 honours, 1 departs, 2 bad setup, 3 internal error), the
// JUnit and JSON reports written whatever happens, progress while it runs, deadlines against a
// server that does not answer, and the token in no output or report.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { createContract } from '@permission-assist/spec-kit';
import { formatReport, runContract, SkipCase, type ContractCase } from '../src/index.js';
import { budget } from './helpers/budget.js';
import { catalogue } from './helpers/drift-catalogue.js';
import { startDriftProxy } from './helpers/drift-proxy.js';
import { html, startFakeServer } from './helpers/fake-server.js';
import { reportErrors } from './helpers/report-schema.js';

const bin = fileURLToPath(new URL('../bin/pa-contract.js', import.meta.url));
const TOKEN = 'pa_secret_contract_token_do_not_print';
const work = mkdtempSync(join(tmpdir(), 'pa-contract-'));
let sandbox: RunningSandbox;

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { env: { ...process.env, PA_BASE_URL: '', PA_TOKEN: '', PA_CONTRACT_WRITE: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(work, { recursive: true, force: true });
});

describe('pa-contract', () => {
  it('checks a server read-only, prints progress and a table, writes JUnit and JSON, never prints the token', async () => {
    const junit = join(work, 'report.xml');
    const json = join(work, 'report.json');
    const result = await cli(['--base-url', sandbox.url, '--junit', junit, '--json', json], { PA_TOKEN: TOKEN });
    expect(result.stdout).toContain(`Permission Assist contract run against ${sandbox.url}`);
    expect(result.stdout).toMatch(/Read-only: \d+ case\(s\) that create events or imports were not run/);
    expect(result.stdout).toMatch(/getIdentity\s+4\s+pass\s+200\* 400\* 401\* 403 404\* 500/);
    expect(result.stdout).toContain('Exit 0: the server honours the spec');
    expect(result.stderr).toMatch(/\[ ?1\/\d+\] pass {3}listPersonnelEvents: first page/);
    expect(result.code).toBe(0);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuites tests="\d+" failures="0" errors="0" skipped="\d+">/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ passed: true, exitCode: 0 });
    expect(reportErrors(report)).toEqual([]);
    // One JUnit test case per contract case.
    expect(readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(report.results.length);
    for (const text of [result.stdout, result.stderr, readFileSync(junit, 'utf8'), readFileSync(json, 'utf8')]) expect(text).not.toContain(TOKEN);
  });

  it('--write runs the write cases too; a --token argument works but is discouraged', async () => {
    const result = await cli(['--base-url', sandbox.url, '--write', '--token', TOKEN, '--quiet']);
    expect(result.stdout).toContain('Writes ON');
    expect(result.stdout).toMatch(/\d+ passed, 0 failed, 0 with assumptions that differ, 0 skipped/);
    expect(result.stderr).toContain('--token is visible to other users in the process list; prefer PA_TOKEN');
    expect(result.stderr).not.toContain('[1/');
    expect(result.code).toBe(0);
  });

  it('exits 1 when the server departs from the spec', async () => {
    const proxy = await startDriftProxy(sandbox.url);
    try {
      proxy.use(catalogue.find((d) => d.name === 'a wrong enum value'));
      const wrong = await cli(['--base-url', proxy.url, '--quiet'], { PA_TOKEN: TOKEN });
      expect(wrong.stdout).toContain('Exit 1: the server departs from the spec');
      expect(wrong.code).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('names what is missing as it was given (flag or variable), exits 2 and still writes its reports', async () => {
    const json = join(work, 'setup.json');
    const noToken = await cli(['--base-url', sandbox.url, '--json', json]);
    expect(noToken.stderr).toBe('pa-contract: no token: --base-url gives the server, but not the token to call it with; set PA_TOKEN\n');
    expect(noToken.code).toBe(2);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ exitCode: 2, setupError: expect.stringContaining('no token: --base-url') });
    expect(reportErrors(JSON.parse(readFileSync(json, 'utf8')))).toEqual([]);
    const noTokenEnv = await cli([], { PA_BASE_URL: sandbox.url });
    expect(noTokenEnv.stderr).toContain('no token: PA_BASE_URL gives the server');
    const noUrl = await cli([], { PA_TOKEN: TOKEN });
    expect(noUrl.stderr).toContain('no base URL: PA_TOKEN gives a token, but not the server to test; give --base-url');
    const noUrlFlag = await cli(['--token', TOKEN]);
    expect(noUrlFlag.stderr).toContain('no base URL: --token gives a token');
    for (const run of [noTokenEnv, noUrl, noUrlFlag]) expect(run.code).toBe(2);
    const bad = await cli(['--base-url', 'pa.example.com'], { PA_TOKEN: TOKEN });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('pa-contract: --base-url "pa.example.com" is not an http(s) URL; expected e.g. https://pa.example.com\n');
    const option = await cli(['--timeout', 'soon'], { PA_TOKEN: TOKEN });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--timeout must be a number of seconds above 0, got "soon"');
  });

  it('a refused token stops the run at once: exit 2 and one line, not a failure per case', async () => {
    const junit = join(work, 'refused.xml');
    const refused = await cli(['--base-url', sandbox.url, '--junit', junit], { PA_TOKEN: 'pa_expired_contract_token' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('pa-contract: the token was refused: GET /api/identities answered 401; check PA_TOKEN (it may be expired or deleted)\n');
    expect(refused.stdout).toBe('');
    expect(readFileSync(junit, 'utf8')).toContain('the token was refused');
    const forbidden = await cli(['--base-url', sandbox.url, '--quiet'], { PA_TOKEN: 'pa_forbidden_contract_token' });
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toContain('the token was refused: GET /api/identities answered 403');
  });

  it.each([
    ['a docs site', html(200, '<!doctype html><title>Permission Assist API</title><redoc></redoc>'), 'got text/html from GET /api/identities'],
    ['a login page', html(200, '<form action="/login"><input name="password" type="password"></form>'), 'got text/html from GET /api/identities'],
    ['a single sign-on redirect', html(302, '', { location: '/sso/login' }), 'GET /api/identities redirects to /sso/login'],
    ["a proxy's error page", html(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'), 'got text/html from GET /api/identities'],
  ])('pointed at %s: "no Permission Assist API at URL", exit 2', async (_what, handler, because) => {
    const server = await startFakeServer(handler);
    try {
      const result = await cli(['--base-url', server.url], { PA_TOKEN: TOKEN });
      expect(result.stderr).toBe(`pa-contract: no Permission Assist API at ${server.url} (${because})\n`);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('pointed below the API root: no API there (404), exit 2', async () => {
    const result = await cli(['--base-url', `${sandbox.url}/not-the-api-root`, '--quiet'], { PA_TOKEN: TOKEN });
    expect(result.stderr).toContain(`no Permission Assist API at ${sandbox.url}/not-the-api-root (GET /api/identities answered 404`);
    expect(result.code).toBe(2);
  });

  it('an unreachable server: the reason once, no line per case, no stack trace, exit 2', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const junit = join(work, 'unreachable.xml');
    const result = await cli(['--base-url', `http://127.0.0.1:${port}`, '--junit', junit], { PA_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pa-contract: cannot reach http://127.0.0.1:${port}: ECONNREFUSED\n`);
    expect(result.stdout).toBe('');
    expect(readFileSync(junit, 'utf8')).toContain('cannot reach');
  });

  describe('against a server that stops answering', () => {
    let hanging: Server;
    let url: string;
    beforeAll(async () => {
      hanging = createServer(() => undefined);
      await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    });

    it('gives up after the per-request timeout, exits 2, and says why, in seconds not minutes', async () => {
      const started = Date.now();
      const result = await cli(['--base-url', url, '--timeout', '0.5', '--quiet'], { PA_TOKEN: TOKEN });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`pa-contract: no answer from ${url} within 0.5 s\n`);
      expect(Date.now() - started).toBeLessThan(budget(10_000));
    });
  });
});

describe('runContract', () => {
  it('a bug in a case is an internal error (exit 3), reported, not a crash', async () => {
    const broken: ContractCase = { name: 'a case with a bug', operationId: 'listIdentities', write: false, run: async ({ pa }) => (await pa.identities.list()).items.flatMap(() => null as never).toString.call(null) };
    const run = await runContract({ baseUrl: sandbox.url, token: TOKEN, write: false, cases: [broken] });
    expect(run.exitCode).toBe(3);
    expect(run.internalErrors[0]).toContain('a case with a bug');
    expect(formatReport(run)).toContain('pa-contract failed (please report this):');
  });

  it('a server that goes silent mid-run stops the run after three unanswered requests', async () => {
    let calls = 0;
    const silent: typeof fetch = (input, init) => {
      if (++calls <= 1) return fetch(input, init);
      const signal = input instanceof Request ? input.signal : init?.signal;
      // Like fetch: a signal that is already aborted (the timeout can pass before the call reaches
      // fetch on a loaded machine) rejects at once, since its abort event will not fire again.
      return new Promise((_resolve, reject) => {
        if (signal?.aborted) reject(signal.reason);
        else signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    };
    const wait: ContractCase = { name: 'wait', operationId: 'listIdentities', write: false, run: ({ pa }) => pa.identities.list() };
    // The probe goes through for real and must answer within the timeout on a loaded machine too:
    // whole tenths of a second, scaled like every budget.
    const requestTimeoutMs = Math.ceil(budget(200) / 100) * 100;
    const run = await runContract({ baseUrl: sandbox.url, token: TOKEN, write: false, fetch: silent, requestTimeoutMs, cases: [wait, wait, wait, wait, { ...wait, run: () => Promise.reject(new SkipCase('never reached')) }] });
    expect(run.setupError).toBe(`${sandbox.url} stopped answering (3 requests in a row got no answer within ${requestTimeoutMs / 1000} s)`);
    expect(run.results.at(-1)!.reason).toContain('not run');
    expect(run.exitCode).toBe(2);
  });

  it('a total deadline skips what is left and fails the run', async () => {
    // The first case outlasts the deadline itself, so the verdict does not hang on machine speed.
    // The deadline counts from the start of the run, so what comes before the first case (building
    // the spec's checker, passed in here, and the probe) must fit well inside it on a loaded
    // machine too: whole seconds, scaled like every budget.
    const deadlineMs = Math.ceil(budget(3000) / 1000) * 1000;
    const contract = createContract();
    const outlasting: ContractCase = { name: 'outlasting', operationId: 'listIdentities', write: false, run: async ({ pa }) => (await new Promise((r) => setTimeout(r, deadlineMs + 200)), pa.identities.list()) };
    const next: ContractCase = { name: 'next', operationId: 'listIdentities', write: false, run: ({ pa }) => pa.identities.list() };
    const run = await runContract({ baseUrl: sandbox.url, token: TOKEN, write: false, deadlineMs, contract, cases: [outlasting, next, next] });
    expect(run.results.find((r) => r.name === 'outlasting')!.outcome).toBe('passed');
    const reason = `not run: the run passed its deadline of ${deadlineMs / 1000} s`;
    expect(run.results.filter((r) => r.name === 'next').map((r) => r.reason)).toEqual([reason, reason]);
    expect(run.results.at(-1)).toMatchObject({ name: 'the run', outcome: 'failed' });
    expect(run.exitCode).toBe(1);
  });
});
