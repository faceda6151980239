// What a hostile or broken server must not be able to do to the client: make it hold an endless or
// decompression-bomb answer, lead it around redirect loops, or get a request body (and the token)
// sent to another host; and what a mistyped token must not do: leak into an error message.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError, RedirectError, ResponseTooLargeError } from '../src/index.js';
import { TRANSPORTS } from './helpers/transports.js';
import { sarahChen, TOKEN } from './helpers/fixtures.js';
import { failOnUnhandledRejections } from './helpers/no-unhandled.js';
import { json, startServer, type TestServer } from './helpers/server.js';
import { rawClient } from '../src/raw.js';

failOnUnhandledRejections();

let server: TestServer;
let other: TestServer;
const routes = new Map<string, (res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void>();
beforeAll(async () => {
  server = await startServer((req, res) => routes.get(new URL(req.url ?? '/', 'http://x').pathname.split('/').pop()!)!(res, req));
  other = await startServer((_req, res) => json(res, 200, sarahChen));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

// Keys are unique across transports: the servers and their routes are shared.
let n = 0;
describe.each(TRANSPORTS)('$name transport', ({ create: createPermissionAssistClient }) => {
  const pa = (extra: object = {}) => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, retry: false, ...extra });
  function route(handler: (res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void) {
    const key = `r${(n += 1)}`;
    routes.set(key, handler);
    return key;
  }

  describe('answer size', () => {
    it('an answer that never ends stops at maxResponseBytes with a clear error', async () => {
      const key = route((res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 32);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      });
      const error = await pa({ maxResponseBytes: 1024 * 1024 }).identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect((error as ResponseTooLargeError).message).toBe(`GET /api/identities/${key}: the 200 response is larger than the 1,048,576 bytes allowed (maxResponseBytes); it was not read`);
    });

    it('a small gzip that inflates to something huge is stopped while inflating', async () => {
      const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32));
      expect(bomb.length).toBeLessThan(100 * 1024);
      const key = route((res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
        res.end(bomb);
      });
      const error = await pa({ maxResponseBytes: 2 * 1024 * 1024 }).identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
    });

    it('a declared length over the limit is refused before reading; error answers are limited too', async () => {
      const key = route((res) => json(res, 404, { error: 'not_found', message: 'x'.repeat(4096), correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }));
      const error = await pa({ maxResponseBytes: 1024 }).identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect((error as ResponseTooLargeError).status).toBe(404);
      // Within the default limit the same answer is the usual typed error.
      expect(await pa().identities.get(key).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    });

    it('maxResponseBytes: 0 removes the limit', async () => {
      const key = route((res) => json(res, 200, { ...sarahChen, title: 'x'.repeat(2048) }));
      await expect(pa({ maxResponseBytes: 0 }).identities.get(key)).resolves.toMatchObject({ id: sarahChen.id });
    });
  });

  describe('redirects', () => {
    it('a loop fails fast with the loop in the message', async () => {
      const a = route((res) => res.writeHead(302, { location: `/api/identities/${b}` }).end());
      const b = route((res) => res.writeHead(302, { location: `/api/identities/${a}` }).end());
      const before = server.requests.length;
      const error = await pa().identities.get(a).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as Error).message).toContain('redirect loop');
      expect(server.requests.length - before).toBe(2);
    });

    it('more than five redirects fail', async () => {
      const keys: string[] = [];
      for (let i = 0; i < 8; i += 1) keys.push(route((res) => res.writeHead(301, { location: `/api/identities/${keys[i + 1]}` }).end()));
      const error = await pa().identities.get(keys[0]!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as Error).message).toContain('more than 5 redirects');
    });

    it('a redirect on the same host is followed, the token kept', async () => {
      const target = route((res, req) => json(res, 200, { ...sarahChen, title: req.headers.authorization === `Bearer ${TOKEN}` ? 'token kept' : 'no token' }));
      const start = route((res) => res.writeHead(301, { location: `/api/identities/${target}` }).end());
      await expect(pa().identities.get(start)).resolves.toMatchObject({ title: 'token kept' });
    });

    it('a POST redirected with 307 to another host is not followed: neither its body nor the token goes there', async () => {
      routes.set('offboard', (res) => res.writeHead(307, { location: `${other.url}/api/personnel-events/offboard` }).end());
      const before = other.requests.length;
      const error = await rawClient(pa()).POST('/api/personnel-events/offboard', { body: { identityId: sarahChen.id, effectiveDate: '2099-01-01' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as RedirectError).location).toBe(`${other.url}/api/personnel-events/offboard`);
      expect(other.requests.length).toBe(before);
    });

    it('a POST answered 302 is not turned into a GET', async () => {
      routes.set('offboard', (res) => res.writeHead(302, { location: '/api/personnel-events/elsewhere' }).end());
      const error = await pa().personnelEvents.createOffboard({ identityId: sarahChen.id, effectiveDate: '2099-01-01' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as Error).message).toContain('answered 302 to a POST; not followed');
    });

    it('a POST answered 307 on the same host is followed, with its body sent again', async () => {
      routes.set('offboard', (res) => res.writeHead(307, { location: '/api/personnel-events/offboard-here' }).end());
      routes.set('offboard-here', (res) => json(res, 201, { ok: true }));
      await expect(pa().personnelEvents.createOffboard({ identityId: sarahChen.id, effectiveDate: '2099-01-01' })).resolves.toEqual({ ok: true });
      const last = server.requests.at(-1)!;
      expect(last.url).toBe('/api/personnel-events/offboard-here');
      expect(JSON.parse(last.body.toString())).toEqual({ identityId: sarahChen.id, effectiveDate: '2099-01-01' });
    });
  });

  describe('tokens', () => {
    it.each([
      ['a NUL character', 'pa_abc\u0000def', 7],
      ['a line break', 'pa_abc\ndef', 7],
      ['a space inside', 'pa_abc def', 7],
      ['a non-ASCII character', 'pa_abcé', 7],
    ])('%s is refused up front, and the token is not in the message', (_name, token, position) => {
      let error: unknown;
      try {
        createPermissionAssistClient({ baseUrl: server.url, token });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toContain(`character ${position} is not`);
      expect((error as Error).message).not.toContain('abc');
    });
  });
});
