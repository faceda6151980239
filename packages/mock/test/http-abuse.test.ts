// What bad input, slow clients and hostile pages did to the sandbox before its front door handled
// them: each case must end as that request's 4xx (or a closed connection), never as a crash, a
// stuck sandbox or a slot held by one client, and the sandbox must keep answering afterwards.
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { exampleId, post, raw, start, TODAY } from './helpers/sandbox.js';

/** A raw connection: write bytes, collect what comes back, learn when the server closed it. */
function open(url: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = '';
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  return { socket, closed, received: () => received, write: (text: string) => !socket.destroyed && socket.write(text) };
}

/** Waits until `test` holds for what a connection received (or it closed). */
async function waitFor(conn: ReturnType<typeof open>, test: (text: string) => boolean): Promise<string> {
  while (!test(conn.received()) && !conn.socket.destroyed) await new Promise((resolve) => conn.socket.once('data', resolve).once('close', resolve));
  return conn.received();
}

const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
const auth = 'Authorization: Bearer pa_abuse\r\n';
const sarah = exampleId('IdentitySarahChen');

describe('input that used to crash the sandbox or leave it stuck', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start();
  });
  afterAll(() => sandbox.close());

  it('a multipart upload that ends inside a file (no closing boundary) is that request\'s 400; the process lives on', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="applicationId"\r\n\r\nb8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e\r\n--b\r\nContent-Disposition: form-data; name="a1b2c3d4-0000-0000-0000-000000000001"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nid,name\n1,Ann\n';
    const conn = open(sandbox.url);
    conn.write(`POST /api/application-imports/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const response = await waitFor(conn, (text) => /\r\n\r\n[\s\S]*\}$/.test(text));
    conn.socket.destroy();
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(bodyOf(response).errors).toEqual([{ field: 'body', message: 'Body is not valid multipart/form-data: Unexpected end of form' }]);
    expect((await raw(sandbox, '/sandbox/clock')).status).toBe(200);
  });

  it('advancing the clock past what it can represent is a 400 naming the field; the clock, state, reset and creates keep working', async () => {
    for (const seconds of [1e15, 3155760001]) {
      const refused = await post(sandbox, '/sandbox/clock/advance', { seconds });
      expect(refused.status, String(seconds)).toBe(400);
      expect(refused.body.errors).toEqual([{ field: 'seconds', message: 'Seconds must be 3155760000 or less' }]);
    }
    // A century at a time is allowed until the next one would pass 9999-12-31T23:59:59Z.
    let last = 200;
    for (let i = 0; i < 100 && last === 200; i += 1) last = (await post(sandbox, '/sandbox/clock/advance', { seconds: 3155760000 })).status;
    expect(last).toBe(400);
    const refusal = await post(sandbox, '/sandbox/clock/advance', { seconds: 3155760000 });
    expect(refusal.body.errors).toEqual([{ field: 'seconds', message: 'Seconds would move the clock past 9999-12-31T23:59:59Z, the latest time the sandbox can represent' }]);
    expect((await raw(sandbox, '/sandbox/clock')).status).toBe(200);
    expect((await raw(sandbox, '/sandbox/state')).status).toBe(200);
    expect(() => sandbox.clock.advance({ days: 1e12 })).toThrow(RangeError);
    expect((await post(sandbox, '/sandbox/reset')).status).toBe(200);
    const today = (await raw(sandbox, '/sandbox/clock')).body.today;
    expect((await post(sandbox, '/api/personnel-events/offboard', { identityId: sarah, effectiveDate: today })).status).toBe(201);
  });

  it('an unknown clock field is refused naming the fields that exist', async () => {
    const { status, body } = await post(sandbox, '/sandbox/clock/advance', { days: 14 });
    expect(status).toBe(400);
    expect(body.errors).toContainEqual({ field: 'days', message: 'days is not a field of this request; the fields here are seconds, until' });
  });
});

describe('tokens', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start();
  });
  afterAll(() => sandbox.close());

  it.each(['pa_', 'pa_expired_2025', 'token', 'pa_ '])('"Bearer %s" is an invalid token, and the 401 says the rule', async (token) => {
    const res = await fetch(`${sandbox.url}/api/identities`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toBe('Invalid or expired authentication token: the sandbox accepts Authorization: Bearer pa_ followed by at least one character, and refuses pa_expired...');
  });

  it('no token at all is "missing", not "invalid"', async () => {
    const res = await fetch(`${sandbox.url}/sandbox/clock`);
    expect(res.status).toBe(401);
    expect((await res.json()).message).toBe('Missing authentication token: the sandbox accepts Authorization: Bearer pa_ followed by at least one character');
  });

  it('pa_ and one more character is enough', async () => {
    expect((await fetch(`${sandbox.url}/api/identities`, { headers: { authorization: 'Bearer pa_x' } })).status).toBe(200);
  });
});

describe('pages of other sites (DNS rebinding, CORS)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start({ allowHosts: ['sandbox.test'] });
  });
  afterAll(() => sandbox.close());

  const withHost = async (host: string, path = '/sandbox/reset') => {
    const conn = open(sandbox.url);
    conn.write(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    return conn.closed;
  };

  it('a Host name the sandbox was not given is refused with 403 before anything happens', async () => {
    const response = await withHost('attacker.example:4010');
    expect(response).toMatch(/^HTTP\/1\.1 403/);
    expect(bodyOf(response).message).toContain('--allow-host attacker.example');
  });

  it.each(['127.0.0.1:4010', 'localhost:4010', 'app.localhost', '[::1]:4010', '192.168.1.20:4010', 'SANDBOX.test'])('Host %s is answered', async (host) => {
    expect(await withHost(host, '/sandbox/clock')).toMatch(/^HTTP\/1\.1 405/);
  });

  it('the control plane carries no CORS headers and refuses preflights; the API stays open to browser apps', async () => {
    const control = await raw(sandbox, '/sandbox/clock', { headers: { origin: 'https://attacker.example' } });
    expect(control.status).toBe(200);
    expect(control.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${sandbox.url}/sandbox/reset`, { method: 'OPTIONS', headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const api = await fetch(`${sandbox.url}/api/identities`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' } });
    expect(api.status).toBe(204);
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('slow clients', () => {
  let sandbox: RunningSandbox | undefined;
  const conns: ReturnType<typeof open>[] = [];
  afterEach(async () => {
    for (const conn of conns.splice(0)) conn.socket.destroy();
    await sandbox?.close();
  });

  it('uploads that trickle lose their slot with 408, so the next upload is read', async () => {
    sandbox = await start({ http: { minBodyBytesPerSecond: 2000, bodyRateWindowMs: 200, concurrentUploads: 1, queuedUploads: 1 } });
    const slow = [open(sandbox.url), open(sandbox.url)];
    conns.push(...slow);
    for (const conn of slow) {
      conn.write(`POST /api/application-imports/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n`);
    }
    const drip = setInterval(() => slow.forEach((conn) => conn.write('x')), 50);
    try {
      const answers = await Promise.all(slow.map((conn) => waitFor(conn, (text) => /\r\n\r\n[\s\S]*\}$/.test(text))));
      for (const answer of answers) {
        expect(answer).toMatch(/^HTTP\/1\.1 408/);
        expect(bodyOf(answer).message).toContain('arrived slower than 2 KB a second');
      }
    } finally {
      clearInterval(drip);
    }
    const form = new FormData();
    form.set('applicationId', '9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e');
    const next = await raw(sandbox, '/api/application-imports/upload', { method: 'POST', body: form });
    expect(next.status).toBe(404); // read and answered, not 503
  });

  it('an upload is not blamed for a stall of the server itself: bytes that arrived meanwhile count', async () => {
    sandbox = await start({ http: { minBodyBytesPerSecond: 2000, bodyRateWindowMs: 200 } });
    const conn = open(sandbox.url);
    conns.push(conn);
    const file = 'x'.repeat(8000);
    const body = `--b\r\nContent-Disposition: form-data; name="users"; filename="users.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--b\r\nContent-Disposition: form-data; name="applicationId"\r\n\r\n9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e\r\n--b--\r\n`;
    conn.write(`POST /api/application-imports/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
    // Give the server the headers and a first byte or two (so its rate window runs), then the rest, and keep
    // the process busy for three windows: the body waits on the socket, unread, as it would while a
    // loaded machine starves the sandbox. The client sent everything in time; the answer must say so.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Sent and then busy in the check phase, so the next turn of the event loop runs the server's timers before it reads the socket.
    setImmediate(() => {
      conn.write(body.slice(10));
      const busyUntil = performance.now() + 700;
      while (performance.now() < busyUntil) {
        // the server's own stall
      }
    });
    const answer = await conn.closed;
    expect(answer).not.toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/^HTTP\/1\.1 404/); // read to the end and judged on its content
  });

  it('headers that never finish get 408, and an idle keep-alive connection is closed', async () => {
    sandbox = await start({ http: { headersTimeoutMs: 300, requestTimeoutMs: 1000, keepAliveTimeoutMs: 200 } });
    const partial = open(sandbox.url);
    conns.push(partial);
    partial.write(`GET /api/identities HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    const answer = await partial.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(bodyOf(answer).error).toBe('validation_error');

    const idle = open(sandbox.url);
    conns.push(idle);
    idle.write(`GET /sandbox/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}\r\n`);
    expect(await idle.closed).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('the webhook callback URL', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start({ webhooks: { retryDelays: [], timeoutMs: 200 } });
  });
  afterAll(() => sandbox.close());

  it('takes small bodies only, and keeps a bounded number per delivery', async () => {
    expect((await post(sandbox, '/sandbox/webhooks', { url: 'http://127.0.0.1:9/never' })).status).toBe(201);
    const event = (await post(sandbox, '/api/personnel-events/offboard', { identityId: sarah, effectiveDate: TODAY })).body;
    await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    sandbox.clock.advance({ minutes: 5 });
    await sandbox.webhooksIdle();
    const [delivery] = (await raw(sandbox, '/sandbox/webhooks/deliveries')).body.items;
    const callback = (body: string) => fetch(`${sandbox.url}/sandbox/webhooks/callback/${delivery.id}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

    const large = await callback('x'.repeat(16 * 1024 + 1));
    expect(large.status).toBe(413);
    expect((await large.json()).message).toBe('The request body is larger than the 16 KB this server accepts');
    for (let i = 0; i < 10; i += 1) expect((await callback(`note ${i}`)).status).toBe(202);
    const full = await callback('one too many');
    expect(full.status).toBe(409);
    expect((await full.json()).message).toBe(`Delivery ${delivery.id} already keeps 10 callbacks, the most the sandbox keeps for one delivery`);
    const kept = (await raw(sandbox, '/sandbox/webhooks/deliveries')).body.items.find((d: { id: string }) => d.id === delivery.id);
    expect(kept.callbacks.map((c: { body: string }) => c.body)).toEqual(Array.from({ length: 10 }, (_, i) => `note ${i}`));
  });
});
