// A server or a proxy that echoes the Authorization header back must not get the token into an
// error: not its message, stack, body, headers, field errors, JSON or inspect output, nor its cause.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, PermissionAssistError, RedirectError, UnexpectedResponseError, ValidationError } from '../src/index.js';
import { TOKEN } from './helpers/fixtures.js';
import { json, startServer, type TestServer } from './helpers/server.js';
import { TRANSPORTS } from './helpers/transports.js';
import { rawClient } from '../src/raw.js';

type Echo = (res: import('node:http').ServerResponse, authorization: string) => void;
const echoes: [string, Echo, (error: PermissionAssistError) => unknown][] = [
  ['the error message', (res, auth) => json(res, 401, { error: 'unauthorized', message: `token ${auth} is not known`, correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }), (e) => e.message],
  ['a field error', (res, auth) => json(res, 400, { error: 'validation_error', message: 'bad', correlationId: 'c1', errors: [{ field: 'authorization', message: `got ${auth}` }] }), (e) => (e as ValidationError).errors],
  ['a non-JSON body', (res, auth) => { res.writeHead(502, { 'content-type': 'text/plain' }); res.end(`upstream refused ${auth}`); }, (e) => (e as ApiError).rawBody],
  ['a response header', (res, auth) => json(res, 403, { error: 'forbidden', message: 'no', correlationId: 'c1' }, { 'x-echo-authorization': auth }), (e) => (e as ApiError).headers.get('x-echo-authorization')],
  ['the status text', (res, auth) => { res.writeHead(418, auth.replace(/[^ -~]/g, ''), { 'content-type': 'text/plain' }); res.end(); }, (e) => e.message],
  ['a 200 that is not JSON (JSON.parse quotes it)', (res, auth) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(`${auth.slice(7)} is what you sent`); }, (e) => (e.cause as Error).message],
  ['a redirect Location', (res, auth) => res.writeHead(302, { location: `https://elsewhere.example/login?t=${encodeURIComponent(auth)}` }).end(), (e) => (e as RedirectError).location],
];

describe.each(TRANSPORTS)('$name transport: the token is redacted from everything taken from an answer', ({ create }) => {
  let server: TestServer;
  const routes = new Map<string, Echo>();
  beforeAll(async () => {
    server = await startServer((req, res) => routes.get(new URL(req.url ?? '/', 'http://x').pathname.split('/').pop()!)!(res, req.headers.authorization ?? ''));
  });
  afterAll(() => server.close());

  it.each(echoes)('echoed in %s', async (name, echo, field) => {
    const key = name.replace(/\W+/g, '-');
    routes.set(key, echo);
    const error = (await create({ baseUrl: server.url, token: TOKEN, retry: false }).identities.get(key).catch((e: unknown) => e)) as PermissionAssistError;
    expect(error).toBeInstanceOf(PermissionAssistError);
    // The echo reached the error, redacted: the field still says what was there.
    expect(JSON.stringify(field(error))).toContain('[REDACTED]');
    for (const view of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(field(error))]) {
      expect(view).not.toContain(TOKEN);
      expect(view).not.toContain(encodeURIComponent(TOKEN).slice(3));
    }
  });

  it('the raw client redacts a RedirectError too', async () => {
    routes.set('raw-redirect', (res, auth) => res.writeHead(302, { location: `https://elsewhere.example/?t=${auth}` }).end());
    const error = await rawClient(create({ baseUrl: server.url, token: TOKEN, retry: false })).GET('/api/identities/{id}', { params: { path: { id: 'raw-redirect' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect((error as RedirectError).location).toContain('[REDACTED]');
  });

  it('an answer without the token is left as it was', async () => {
    routes.set('plain', (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('not json'); });
    const error = await create({ baseUrl: server.url, token: TOKEN, retry: false }).identities.get('plain').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).not.toContain('[REDACTED]');
  });
});
