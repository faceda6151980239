// Every exit code of the table, each caused for real against the sandbox (or, for a server failure,
// a server that fails), with its one stderr line and, with --output json, the JSON object.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { EXIT } from '../src/exit-codes.js';
import { json, outputs, pa, TOKEN } from './helpers.js';

let sandbox: RunningSandbox;
let env: Record<string, string>;
let failing: Server;
let failingUrl: string;
type Connector = { application: { id: string; isArchived: boolean }; importSchedule: { filesPresent: boolean } | null; fileBased: boolean };
let connectors: Connector[];

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', frozen: true });
  env = { PA_BASE_URL: sandbox.url };
  connectors = json<{ items: Connector[] }>(await pa(['sandbox', 'connectors'], { env })).items;
  // A server that fails every request, and echoes the Authorization header it got (a careless proxy).
  failing = createServer((req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
    res.end(JSON.stringify({ error: 'server_error', message: `overloaded (you sent ${req.headers.authorization})`, correlationId: 'ffffeeeeddddccccbbbbaaaa99998888' }));
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox?.close();
  failing?.closeAllConnections();
  await new Promise<void>((resolve) => (failing ? failing.close(() => resolve()) : resolve()));
});

const yesterday = () => new Date(sandbox.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe('exit codes', () => {
  it('0: success', async () => {
    expect((await pa(['identities', 'list'], { env })).code).toBe(EXIT.ok);
  });

  it.each([
    ['an unknown command', ['identities', 'lst']],
    ['an unknown flag', ['identities', 'list', '--colour', 'red']],
    ['a value the spec does not allow', ['personnel-events', 'list', '--type', 'Promotion']],
    ['a malformed id flag', ['access-requests', 'list', '--identity-id', 'nobody']],
    ['no arguments', []],
  ])('2: usage error, %s', async (_name, args) => {
    const result = await pa(args, { env });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout === '' || args.length === 0).toBe(true);
  });

  it('2: no token at all, named with where to put it', async () => {
    const result = await pa(['identities', 'list'], { env: { ...env, PA_TOKEN: undefined } });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/^pa: no token: set PA_TOKEN, or pass --token-file FILE or --token-stdin/);
  });

  it('3: refused (400), in one line with the field errors and the correlationId; as JSON with --output json', async () => {
    // An active identity, so that the date is the only thing wrong with the offboarding.
    const identityId = json<string>(await pa(['identities', 'list', '-q', "items[?status=='Active'].id | [0]"], { env }));
    expect(identityId).toMatch(/^[0-9a-f-]{36}$/);
    const result = await pa(['personnel-events', 'offboard', '--identity-id', identityId, '--effective-date', yesterday(), '--output', 'json'], { env });
    expect(result.code).toBe(EXIT.refused);
    const [line, object] = result.stderr.trimEnd().split('\n');
    expect(line).toMatch(/^pa: POST \/api\/personnel-events\/offboard: 400 validation_error: .*\(effectiveDate: .+\) \[correlationId [0-9a-f]{32}\]$/);
    const error = JSON.parse(object!).error;
    expect(error).toMatchObject({ exitCode: 3, status: 400, code: 'validation_error', correlationId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(error.errors[0].field).toBe('effectiveDate');
    expect(result.stdout).toBe('');
  });

  it('3: refused (422): staging for an application without an import schedule', async () => {
    const noSchedule = connectors.find((c) => c.importSchedule === null && !c.application.isArchived)!;
    const result = await pa(['imports', 'stage', '--application-id', noSchedule.application.id], { env });
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toMatch(/ 422 unprocessable_entity: /);
  });

  it.each([
    ['401', 'pa_expired_token'],
    ['403', 'pa_forbidden_token'],
  ])('4: auth failure (%s)', async (status, token) => {
    const result = await pa(['identities', 'list'], { env: { ...env, PA_TOKEN: token } });
    expect(result.code).toBe(EXIT.auth);
    expect(result.stderr).toContain(` ${status} `);
  });

  it('5: not found', async () => {
    const result = await pa(['identities', 'get', NO_SUCH], { env });
    expect(result.code).toBe(EXIT.notFound);
    expect(result.stderr).toMatch(/^pa: GET \/api\/identities\/0{8}-0000-4000-8000-0{12}: 404 not_found: .* \[correlationId [0-9a-f]{32}\]$/m);
  });

  it('6: conflict: cancelling a finished import', async () => {
    const finished = json<string>(await pa(['imports', 'list', '-q', "items[?status=='Finished'].id | [0]"], { env }));
    const result = await pa(['imports', 'cancel', finished], { env });
    expect(result.code).toBe(EXIT.conflict);
    expect(result.stderr).toMatch(/ 409 conflict: /);
  });

  it('7: server failure after the retries, with the token redacted from what the server echoed', async () => {
    const result = await pa(['identities', 'list', '--output', 'json', '--verbose'], { env: { PA_BASE_URL: failingUrl } });
    expect(result.code).toBe(EXIT.unavailable);
    expect(result.stderr.match(/^> GET /gm)).toHaveLength(3);
    // The client redacts what it takes from an answer (as [REDACTED]); pa redacts the rest.
    expect(result.stderr).toMatch(/503 server_error: overloaded \(you sent Bearer \[redacted\]\)/i);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('7: a write is sent once, never retried (the client\'s rule)', async () => {
    const result = await pa(['imports', 'stage', '--application-id', connectors[0]!.application.id, '--verbose'], { env: { PA_BASE_URL: failingUrl } });
    expect(result.code).toBe(EXIT.unavailable);
    expect(result.stderr.match(/^> POST /gm)).toHaveLength(1);
  });

  it('7: network failure (nothing listening) after the retries', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await pa(['identities', 'list'], { env: { PA_BASE_URL: `http://127.0.0.1:${port}` } });
    expect(result.code).toBe(EXIT.unavailable);
    expect(result.stderr).toMatch(/connection failed \(ECONNREFUSED\)/);
  });

  it('8 and 9 are proven in wait.test.ts; the README table lists every code with the meaning of exit-codes.ts', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| `(\d+)` \| `(\w+)` \|/gm)].map((m) => [m[2], Number(m[1])]);
    expect(Object.fromEntries(rows)).toEqual(EXIT);
  });

  it('the token is in no output of this file', () => {
    expect(outputs.filter((text) => text.includes(TOKEN))).toEqual([]);
  });
});
