// The proxy between an integration and a real server: what crosses the hop and what stays, several
// cookies at once, a server that never answers, and the front door it shares with the sandbox.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractProxy, type RunningServer } from '../src/index.js';

let upstream: Server;
let proxy: RunningServer;
/** The same proxy with a short wait for the upstream, for the server that never answers. */
let impatient: RunningServer;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    if (req.url?.startsWith('/api/identities/11111111')) return; // never answers
    res.writeHead(200, [
      ['content-type', 'application/json'],
      ['connection', 'keep-alive, x-upstream-hop'],
      ['x-upstream-hop', 'connection-only'],
      ['proxy-authenticate', 'Basic realm="upstream proxy"'],
      ['set-cookie', 'a=1; Path=/'],
      ['set-cookie', 'b=2; Path=/; HttpOnly'],
    ].flat());
    res.end(JSON.stringify({ items: [], totalCount: 0, page: 1, pageSize: 50, totalPages: 0 }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  // The default wait for the hop tests: with 0.3 s, a loaded machine turned them into 504s that
  // never reached the upstream.
  proxy = await startContractProxy({ upstream: target, port: 0 });
  impatient = await startContractProxy({ upstream: target, port: 0, http: { upstreamTimeoutMs: 300 } });
});
afterAll(async () => {
  await proxy?.close();
  await impatient?.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

function get(path: string, headers: Record<string, string>, through = proxy) {
  const { port } = new URL(through.url);
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pa-mock proxy hops', () => {
  it('does not forward hop-by-hop request headers: Proxy-Authorization, the ones Connection names, TE', async () => {
    const answer = await get('/api/identities', { authorization: 'Bearer pa_real', 'proxy-authorization': 'Basic cHJveHk6c2VjcmV0', connection: 'x-hop-secret', 'x-hop-secret': 'for this hop', te: 'trailers', 'x-end-to-end': 'kept' });
    expect(answer.status, answer.body).toBe(200);
    const forwarded = seen.at(-1)!;
    expect(forwarded['proxy-authorization']).toBeUndefined();
    expect(forwarded['x-hop-secret']).toBeUndefined();
    expect(forwarded.te).toBeUndefined();
    expect(forwarded.authorization).toBe('Bearer pa_real');
    expect(forwarded['x-end-to-end']).toBe('kept');
  });

  it('keeps every Set-Cookie and drops the answer\'s hop-by-hop headers', async () => {
    const answer = await get('/api/identities', { authorization: 'Bearer pa_real' });
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    expect(answer.headers['x-upstream-hop']).toBeUndefined();
    expect(answer.headers['proxy-authenticate']).toBeUndefined();
  });

  it('a real server that does not answer in time is a 504 naming it, with a request id', async () => {
    const answer = await get('/api/identities/11111111-1111-4111-8111-111111111111', { authorization: 'Bearer pa_real' }, impatient);
    expect(answer.status).toBe(504);
    const body = JSON.parse(answer.body);
    expect(body.message).toMatch(/^pa-mock proxy: http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.3 s$/);
    expect(answer.headers['x-request-id']).toBe(body.correlationId);
  });

  it('answers only to loopback names, IP addresses and the names it was given', async () => {
    const answer = await get('/api/identities', { authorization: 'Bearer pa_real', host: 'rebound.example' });
    expect(answer.status).toBe(403);
  });
});
