// What an integration reaches for beyond the data: the whole answer (status, headers), errors that
// say where and carry the server's request id, a timeout signal of its own, a logging hook, a
// retry policy per call, resuming a long walk from a page, and uploads typed by file name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortedError, createPermissionAssistClient, NotFoundError, ServerError, TimeoutError, type RequestEvent, type ResponseEvent,
} from '../src/index.js';
import { page, sarahChen, TOKEN } from './helpers/fixtures.js';
import { failOnUnhandledRejections } from './helpers/no-unhandled.js';
import { errorBody, json, startServer, type TestServer } from './helpers/server.js';

failOnUnhandledRejections();

let server: TestServer;
const attempts = new Map<string, number>();
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.pathname.split('/').pop()!;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (key === 'missing') return json(res, 404, errorBody('not_found', `Identity with id ${key} not found`), { 'x-request-id': 'req-4711' });
    if (key === 'flaky') return attempt === 1 ? json(res, 503, errorBody('server_error', 'busy')) : json(res, 200, sarahChen);
    if (key === 'slow') {
      setTimeout(() => json(res, 200, sarahChen), 500);
      return;
    }
    if (key === 'identities') {
      const number = Number(url.searchParams.get('page'));
      return json(res, 200, page(Array.from({ length: number === 4 ? 10 : 50 }, (_, i) => ({ ...sarahChen, id: `${number}-${i}` })), number, 160));
    }
    if (key === 'upload') return json(res, 201, { ok: true });
    json(res, 200, sarahChen, { 'x-request-id': 'req-1' });
  });
});
afterAll(() => server.close());

const pa = (extra: object = {}) => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, retry: { baseDelayMs: 1 }, ...extra });

describe('the whole answer', () => {
  it('withResponse() gives data, status and headers; awaiting the call gives the data', async () => {
    const call = pa().identities.get(sarahChen.id);
    const { data, status, headers } = await call.withResponse();
    expect(data).toEqual(sarahChen);
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toBe('req-1');
    expect(await call).toEqual(sarahChen);
  });

  it('a failing call rejects withResponse() with the typed error, and nothing goes unhandled', async () => {
    await expect(pa().identities.get('missing').withResponse()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('errors', () => {
  it('say the real path, carry status, headers and the request id, and survive JSON.stringify', async () => {
    const error = (await pa().identities.get('missing').catch((e: unknown) => e)) as NotFoundError;
    expect(error.message).toBe('GET /api/identities/missing: 404 not_found: Identity with id missing not found [correlationId a1b2c3d4e5f67890abcdef1234567890]');
    expect(error).toMatchObject({ status: 404, path: '/api/identities/missing', pathTemplate: '/api/identities/{id}', operationId: 'getIdentity', requestId: 'req-4711' });
    expect(error.headers.get('x-request-id')).toBe('req-4711');
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: 'NotFoundError', message: error.message, status: 404, code: 'not_found', requestId: 'req-4711', headers: { 'x-request-id': 'req-4711' } });
  });

  it('a caller\'s AbortSignal.timeout() is a TimeoutError; its own abort an AbortedError', async () => {
    const timedOut = await pa().identities.get('slow', { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect(timedOut).toMatchObject({ name: 'TimeoutError', timeoutMs: undefined, message: "GET /api/identities/slow: the caller's timeout signal expired" });
    const controller = new AbortController();
    const call = pa().identities.get('slow', { signal: controller.signal });
    controller.abort();
    const aborted = await call.catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(AbortedError);
    expect((aborted as Error).name).toBe('AbortedError');
  });
});

describe('hooks', () => {
  it('onRequest and onResponse see every attempt, with the request id, never the token', async () => {
    const events: (RequestEvent | ResponseEvent)[] = [];
    attempts.delete('flaky');
    const client = pa({ onRequest: (e: RequestEvent) => events.push(e), onResponse: (e: ResponseEvent) => events.push(e) });
    await client.identities.get('flaky');
    expect(events.map((e) => ('status' in e ? `response ${e.status} #${e.attempt}` : `request ${e.method} #${e.attempt}`))).toEqual([
      'request GET #1',
      'response 503 #1',
      'request GET #2',
      'response 200 #2',
    ]);
    expect(events[0]!.url).toBe(`${server.url}/api/identities/flaky`);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it('a hook that throws does not fail the call', async () => {
    const client = pa({ onRequest: () => {
      throw new Error('logging is broken');
    } });
    await expect(client.identities.get(sarahChen.id)).resolves.toEqual(sarahChen);
  });
});

describe('per call', () => {
  it('retry: false for one call leaves the client\'s policy for the others', async () => {
    attempts.delete('flaky');
    await expect(pa().identities.get('flaky', { retry: false })).rejects.toBeInstanceOf(ServerError);
    attempts.delete('flaky');
    await expect(pa({ retry: false }).identities.get('flaky', { retry: { maxRetries: 1, baseDelayMs: 1 } })).resolves.toEqual(sarahChen);
  });

  it('listAll can start from a later page', async () => {
    const ids: string[] = [];
    for await (const identity of pa().identities.listAll({}, { startPage: 3 })) ids.push(identity.id);
    expect(ids).toHaveLength(60);
    expect(ids[0]).toBe('3-0');
    expect(ids.at(-1)).toBe('4-9');
    await expect(pa().identities.listCollect({}, { startPage: 0 })).rejects.toThrow('startPage: must be a whole number of 1 or more, got 0');
  });
});

describe('uploads', () => {
  it('a file named .csv is sent as text/csv without being told', async () => {
    await pa().applicationImports.upload({
      applicationId: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      files: { 'a1b2c3d4-0000-0000-0000-000000000001': { data: new TextEncoder().encode('id\n1\n'), filename: 'employees.csv' } },
    });
    expect(server.requests.at(-1)!.body.toString()).toMatch(/filename="employees\.csv"\r\nContent-Type: text\/csv/);
  });
});
