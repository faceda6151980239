// A fault server: connection resets, stalls, 5xx and 429 with Retry-After, malformed or truncated
// JSON, wrong content types. Every call must end in data or a typed error, nothing may hang, no
// rejection may go unhandled, and a POST must be sent at most once.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, ConnectionError, PermissionAssistError, RateLimitError, ServerError, TimeoutError, UnexpectedResponseError } from '../src/index.js';
import { budget } from './helpers/budget.js';
import { TRANSPORTS } from './helpers/transports.js';
import { parseRetryAfter } from '../src/transport.js';
import { page, sarahChen, TOKEN } from './helpers/fixtures.js';
import { failOnUnhandledRejections } from './helpers/no-unhandled.js';
import { json, startServer, type TestServer } from './helpers/server.js';

failOnUnhandledRejections();

type Fault = (res: import('node:http').ServerResponse, attempt: number) => void;
let server: TestServer;
const faults = new Map<string, Fault>();
const attempts = new Map<string, number>();
beforeAll(async () => {
  server = await startServer((req, res) => {
    const key = new URL(req.url ?? '/', 'http://x').pathname.split('/').pop()!;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    faults.get(key)!(res, attempt);
  });
});
afterAll(() => server.close());

// Keys are unique across transports: the servers and their routes are shared.
let counter = 0;
describe.each(TRANSPORTS)('$name transport', ({ create: createPermissionAssistClient }) => {
  const fast = { baseDelayMs: 1, maxDelayMs: 2000, maxTotalDelayMs: 5000 };
  const pa = (extra: object = {}) => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, retry: fast, timeoutMs: 2000, ...extra });
  function fault(fn: Fault) {
    const key = `k${(counter += 1)}`;
    faults.set(key, fn);
    return key;
  }
  const count = (key: string) => attempts.get(key) ?? 0;
  const ok = (res: import('node:http').ServerResponse) => json(res, 200, sarahChen);
  const reset = (res: import('node:http').ServerResponse) => res.socket?.destroy();

  describe('GET retries', () => {
    it('retries a reset connection and succeeds', async () => {
      const key = fault((res, n) => (n < 3 ? reset(res) : ok(res)));
      await expect(pa().identities.get(key)).resolves.toEqual(sarahChen);
      expect(count(key)).toBe(3);
    });

    it.each([502, 503, 504])('retries %i and succeeds', async (status) => {
      const key = fault((res, n) => (n === 1 ? json(res, status, { error: 'server_error', message: 'x', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }) : ok(res)));
      await expect(pa().identities.get(key)).resolves.toEqual(sarahChen);
      expect(count(key)).toBe(2);
    });

    it('honours Retry-After in seconds on 429', async () => {
      const key = fault((res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : ok(res)));
      const started = Date.now();
      await expect(pa().identities.get(key)).resolves.toEqual(sarahChen);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it('does not wait for a Retry-After longer than maxDelayMs: RateLimitError with retryAfterMs', async () => {
      const key = fault((res) => json(res, 429, {}, { 'retry-after': '3600' }));
      const error = await pa().identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
      expect(count(key)).toBe(1);
    });

    it('a 429 whose Retry-After date lies past the timeout: RateLimitError saying the server kept refusing and when it asked to come back', async () => {
      // Each answer asks to come back 2.5 s later (an HTTP date has whole seconds: 1.5 to 2.5 s away),
      // so the second wait cannot end within the 3 s timeout.
      let comeBack = '';
      const key = fault((res) => {
        comeBack = new Date(Date.now() + 2500).toUTCString();
        json(res, 429, { error: 'too_many_requests', message: 'slow down', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }, { 'retry-after': comeBack });
      });
      const error = await pa({ timeoutMs: 3000, retry: { maxRetries: 5, maxDelayMs: 5000 } }).identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(count(key)).toBe(2);
      expect((error as Error).message).toContain(`the server kept refusing (429 to 2 of 2 attempts) and asked to come back at ${comeBack} (in `);
      expect((error as Error).message).toContain("not tried again: that is later than the call's 3000 ms timeout allows");
      expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    });

    it('a 429 answered to every retry says so', async () => {
      const key = fault((res) => json(res, 429, {}, { 'retry-after': '0' }));
      const error = await pa({ retry: { ...fast, maxRetries: 2 } }).identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as Error).message).toContain('the server kept refusing (429 to 3 of 3 attempts) and asked to come back in 0 s; not tried again: no retries left (retry.maxRetries 2)');
    });

    it('gives up after maxRetries with the last typed error', async () => {
      const key = fault((res) => json(res, 503, { error: 'server_error', message: 'down', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }));
      await expect(pa({ retry: { ...fast, maxRetries: 3 } }).identities.get(key)).rejects.toBeInstanceOf(ServerError);
      expect(count(key)).toBe(4);
    });

    it('does not retry 500 (not a transient status)', async () => {
      const key = fault((res) => json(res, 500, { error: 'server_error', message: 'bug', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }));
      await expect(pa().identities.get(key)).rejects.toBeInstanceOf(ServerError);
      expect(count(key)).toBe(1);
    });

    it('retry: false sends once', async () => {
      const key = fault((res) => reset(res));
      await expect(pa({ retry: false }).identities.get(key)).rejects.toBeInstanceOf(ConnectionError);
      expect(count(key)).toBe(1);
    });
  });

  describe('POST is sent at most once', () => {
    it.each([
      ['a reset connection', reset],
      ['503', (res: import('node:http').ServerResponse) => json(res, 503, {})],
      ['429 with Retry-After: 0', (res: import('node:http').ServerResponse) => json(res, 429, {}, { 'retry-after': '0' })],
      ['a stall', () => undefined],
    ])('after %s', async (_name, respond) => {
      faults.set('offboard', respond);
      attempts.set('offboard', 0);
      const error = await pa({ timeoutMs: 500 })
        .personnelEvents.createOffboard({ identityId: sarahChen.id, effectiveDate: '2026-04-15' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermissionAssistError);
      expect(attempts.get('offboard')).toBe(1);
    });

    it('is retried when the connection was refused (it cannot have reached the server)', async () => {
      // A port that was just free: nothing listens there.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as import('node:net').AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
      const started = Date.now();
      const error = await createPermissionAssistClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, retry: { ...fast, baseDelayMs: 100, maxRetries: 2 } })
        .personnelEvents.createOffboard({ identityId: sarahChen.id, effectiveDate: '2026-04-15' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toContain('ECONNREFUSED');
      expect(Date.now() - started).toBeLessThan(budget(2000));
    });
  });

  describe('malformed responses', () => {
    it.each([
      ['malformed JSON', (res: import('node:http').ServerResponse) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id": "3f2a'); }, 'is not valid JSON'],
      ['HTML with status 200', (res: import('node:http').ServerResponse) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>login</html>'); }, 'content type "text/html"'],
      ['no content type', (res: import('node:http').ServerResponse) => { res.writeHead(200); res.end('{}'); }, 'content type "none"'],
      ['an empty 200', (res: import('node:http').ServerResponse) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(); }, 'empty body'],
    ])('%s → UnexpectedResponseError', async (_name, respond, message) => {
      const key = fault(respond);
      const error = await pa().identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect((error as Error).message).toContain(message);
    });

    it('truncated JSON (connection closed mid-body) is retried, then a typed error', async () => {
      const key = fault((res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"id": "3f2a1b4c');
        setTimeout(() => res.socket?.destroy(), 10);
      });
      const error = await pa().identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(count(key)).toBe(3);
    });
  });

  describe('timeouts and cancellation', () => {
    it('a stalled server → TimeoutError within the timeout, retries included', async () => {
      const key = fault(() => undefined);
      const started = Date.now();
      const error = await pa({ timeoutMs: 300 }).identities.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(budget(1500));
    });

    it('a body that stalls half-way → TimeoutError', async () => {
      const key = fault((res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"id":');
      });
      await expect(pa({ timeoutMs: 300 }).identities.get(key)).rejects.toBeInstanceOf(TimeoutError);
    });

    it('a per-call timeout overrides the client default', async () => {
      const key = fault(() => undefined);
      const error = await pa({ timeoutMs: 60_000 }).identities.get(key, { timeoutMs: 200 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 200 });
    });

    it('an AbortSignal cancels the call → AbortedError', async () => {
      const key = fault(() => undefined);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await pa().identities.get(key, { signal: controller.signal }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortedError);
      expect((error as Error).name).toBe('AbortedError');
    });

    it('an already aborted signal sends nothing', async () => {
      const key = fault(ok);
      await expect(pa().identities.get(key, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortedError);
      expect(count(key)).toBe(0);
    });

    it('a list page that fails mid-iteration ends the iteration with the typed error', async () => {
      faults.set('identities', (res) => {
        const url = new URL(res.req.url ?? '/', 'http://x');
        if (url.searchParams.get('page') === '3') return json(res, 500, { error: 'server_error', message: 'page 3', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' });
        return json(res, 200, page(Array.from({ length: 50 }, () => sarahChen), Number(url.searchParams.get('page')), 250));
      });
      const seen: unknown[] = [];
      const error = await (async () => {
        for await (const item of pa().identities.listAll({}, { concurrency: 3 })) seen.push(item);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(seen.length).toBe(100);
    });
  });

  describe('Retry-After parsing', () => {
    it('reads delta seconds and HTTP dates', () => {
      const now = Date.parse('2026-11-23T10:00:00Z');
      expect(parseRetryAfter('120', now)).toBe(120_000);
      expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
      expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
      expect(parseRetryAfter('soon', now)).toBeUndefined();
      expect(parseRetryAfter(null, now)).toBeUndefined();
    });
  });
});
