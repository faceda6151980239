// The sandbox's HTTP behaviour under the mistakes and abuse a server meets: every client mistake is
// a 4xx in the spec's Error shape, over-limit bodies are refused before they are read, and nothing
// a request does can crash the server.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { exampleId, raw, start, TODAY } from './helpers/sandbox.js';
import { budget } from './helpers/budget.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

/** Sends raw bytes and resolves with everything the server sent until `until` matches or it closed. */
function exchange(request: string | Buffer, until = /\r\n\r\n[\s\S]*\}$/, keepWriting?: (write: (chunk: Buffer) => Promise<boolean>) => void): Promise<string> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => (socket.destroy(), resolve(received)), budget(5000));
    socket.on('data', (d) => {
      received += d.toString('latin1');
      if (until.test(received)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(received);
      }
    });
    // The server may close while the client still writes (413): EPIPE then, and the answer is in `received`.
    socket.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || received ? undefined : reject(e)));
    socket.on('close', () => (clearTimeout(timer), resolve(received)));
    socket.write(request);
    // Resolves once the chunk is handed to the kernel (after 'drain' under backpressure), false once
    // the connection is gone: a writer that stopped at the first full buffer would stall the test.
    keepWriting?.(
      (chunk) =>
        new Promise((done) => {
          if (socket.destroyed) return done(false);
          if (socket.write(chunk)) return done(true);
          const settle = () => (socket.off('drain', settle), socket.off('close', settle), done(!socket.destroyed));
          socket.once('drain', settle).once('close', settle);
        }),
    );
  });
}

const auth = () => `Authorization: Bearer ${sandbox.token}\r\n`;
const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

describe('body limits', () => {
  it('a declared Content-Length over the limit is refused with 413 before any byte of the body', async () => {
    const response = await exchange(`POST /api/personnel-events/offboard HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth()}Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(bodyOf(response)).toMatchObject({ error: 'validation_error', message: 'The request body is larger than the 1 MB this server accepts' });
  });

  it('Expect: 100-continue: a too-large upload is refused without "100 Continue"; a normal one gets it and succeeds', async () => {
    const large = await exchange(`POST /api/application-imports/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth()}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 104857600\r\nExpect: 100-continue\r\n\r\n`);
    expect(large).toMatch(/^HTTP\/1\.1 413/);
    expect(large).not.toContain('100 Continue');
    const body = JSON.stringify({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
    const small = await exchange(
      `POST /api/personnel-events/offboard HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth()}Content-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
      /HTTP\/1\.1 201[\s\S]*\r\n\r\n[\s\S]*\}$/,
      (write) => setTimeout(() => void write(Buffer.from(body)), 50),
    );
    expect(small).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(small).toContain('HTTP/1.1 201');
  });

  it('a chunked body is answered with 413 once it passes the limit, while the client is still sending', async () => {
    const chunk = Buffer.from(`40000\r\n${'x'.repeat(0x40000)}\r\n`);
    let sent = 0;
    let sentWhenAnswered = -1;
    const response = await exchange(
      `POST /api/personnel-events/offboard HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      /^HTTP\/1\.1 413[\s\S]*\}$/,
      async (write) => {
        while (sent < 200 && (await write(chunk))) sent += 1;
      },
    );
    sentWhenAnswered = sent;
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    // 256 KiB chunks: the limit (1 MiB) is passed on the 5th; the answer comes long before the 200th.
    expect(sentWhenAnswered).toBeLessThan(50);
  });

  it('uploads read at once are bounded: past the queue, 503 with Retry-After; abandoned ones free their slot', async () => {
    const slow = () =>
      exchange(
        `POST /api/application-imports/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth()}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n--b\r\n`,
        /^HTTP\/1\.1 \d{3}[\s\S]*\}$/,
      );
    const answers = await Promise.all(Array.from({ length: 14 }, slow));
    const busy = answers.filter((a) => a.startsWith('HTTP/1.1 503'));
    expect(busy.length).toBe(14 - 2 - 8);
    expect(busy[0]).toMatch(/retry-after: 1/i);
    expect(bodyOf(busy[0]!)).toMatchObject({ error: 'server_error', message: expect.stringContaining('Too many uploads') });
    // Every client above gave up (closed its connection): the slots are free again.
    const after = await raw(sandbox, '/api/application-imports/upload', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' });
    expect(after.status).toBe(400);
  });
});

describe('requests a server must not fall over on', () => {
  it.each([
    ['malformed percent-encoding in an id', 'GET /api/identities/%ff HTTP/1.1', 400, 'One or more validation errors occurred'],
    ['an absolute-form target', `GET http://example.com/api/identities/${exampleId('IdentitySarahChen')} HTTP/1.1`, 200, undefined],
    ['an unknown path', 'GET /api/widgets HTTP/1.1', 404, 'No operation of the Permission Assist API or the sandbox is at /api/widgets'],
    ['a method the path does not take', 'DELETE /api/identities HTTP/1.1', 405, 'DELETE is not allowed on /api/identities; use GET or HEAD'],
    ['a target that is not a path', 'GET * HTTP/1.1', 404, undefined],
  ])('%s', async (_name, line, status, message) => {
    const response = await exchange(`${line}\r\nHost: 127.0.0.1\r\n${auth()}\r\n`);
    expect(response.slice(9, 12)).toBe(String(status));
    if (message) expect(bodyOf(response)).toMatchObject({ message });
    if (line.includes('%ff')) expect(bodyOf(response).errors).toEqual([{ field: 'id', message: 'id is not valid percent-encoding' }]);
    if (status === 405) expect(response).toMatch(/allow: GET, HEAD/i);
  });

  it('a malformed request line gets a 400 in the Error shape and the connection is closed', async () => {
    const response = await exchange('NOT HTTP AT ALL\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(bodyOf(response).error).toBe('validation_error');
  });

  it('HEAD answers the GET headers without a body', async () => {
    const res = await fetch(`${sandbox.url}/api/identities`, { method: 'HEAD', headers: { authorization: `Bearer ${sandbox.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.text()).toBe('');
  });

  it('a body with a hundred violations is one 400 naming them all', async () => {
    const body = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field${i}`, i]));
    const { status, body: answer } = await raw(sandbox, '/api/application-imports/stage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(status).toBe(400);
    expect(answer.errors).toHaveLength(101);
  });

  it('a body in the wrong content type is a 415; malformed multipart a 400', async () => {
    const wrong = await raw(sandbox, '/api/application-imports/stage', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'applicationId=x' });
    expect(wrong).toMatchObject({ status: 415, body: { error: 'validation_error', message: 'This operation takes application/json, not text/plain' } });
    const broken = await raw(sandbox, '/api/application-imports/upload', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].field).toBe('body');
  });
});

describe('tokens', () => {
  it.each([
    ['no Authorization header: 401', undefined, 401],
    ['a Basic scheme: 401', 'Basic dXNlcjpwYXNz', 401],
    ['a token not starting pa_: 401', 'Bearer abc', 401],
    ['an expired token (pa_expired...): 401', 'Bearer pa_expired_demo', 401],
    ['a token that may not act (pa_forbidden...): 403', 'Bearer pa_forbidden_demo', 403],
  ])('%s, in the Error shape', async (_name, authorization, status) => {
    const res = await fetch(`${sandbox.url}/api/identities`, { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: status === 401 ? 'unauthorized' : 'forbidden', correlationId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('headers', () => {
  it('CORS allows any origin without credentials (the origin is not echoed), and answers preflights', async () => {
    const res = await fetch(`${sandbox.url}/api/identities`, { headers: { authorization: `Bearer ${sandbox.token}`, origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${sandbox.url}/api/personnel-events/onboard`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('every answer has nosniff, no-store and an X-Request-Id equal to an error correlationId', async () => {
    const res = await fetch(`${sandbox.url}/api/identities/9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e`, { headers: { authorization: `Bearer ${sandbox.token}` } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBe((await res.json()).correlationId);
  });
});
