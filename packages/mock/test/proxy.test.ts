// Proxy mode against a deliberately wrong "real" server: every departure from the spec is reported
// with the operation, the field, what was expected and what was sent; traffic passes through.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractProxy, type ProxyReport, type RunningServer } from '../src/index.js';
import { budget } from './helpers/budget.js';
import { example } from './helpers/sandbox.js';

const sarah = example('IdentitySarahChen');
let upstream: Server;
let proxy: RunningServer;
const reports: ProxyReport[] = [];
const seenHeaders: import('node:http').IncomingHttpHeaders[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const reply = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'x-upstream': 'yes' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.url?.includes('page=0')) return reply(400, { error: 'validation_error', message: 'One or more validation errors occurred', correlationId: 'a1b2c3d4e5f67890abcdef1234567890', errors: [{ field: 'page', message: 'Page must be 1 or greater' }] });
    if (req.url?.startsWith('/api/identities/3f2a1b4c')) return reply(200, { ...sarah, status: 'Deleted', costCenter: 'CC-1' });
    if (req.url?.startsWith('/api/identities/9e8d7c6b')) return reply(200, { ...sarah, costCenter: 'CC-1' });
    if (req.url?.startsWith('/api/identities/7c8d9e0f')) return reply(200, (({ firstName: _f, ...rest }) => rest)(sarah));
    if (req.url?.startsWith('/api/identities/2b3c4d5e')) return reply(200, { ...sarah, createdDate: 20210301 });
    if (req.url?.startsWith('/api/identities/d4a7e2b1')) return reply(202, sarah);
    if (req.url?.startsWith('/api/identities/0a1b2c3d')) return reply(200, '<html>login</html>', 'text/html');
    if (req.url?.startsWith('/api/identities/5e5e5e5e')) {
      // 12 MB, more than the proxy holds to check: it must stream it on, not buffer it.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 32);
      let sent = 0;
      const pump = () => {
        while (sent < 12 && res.write(chunk)) sent += 1;
        if (sent >= 12) res.end();
        else res.once('drain', () => ((sent += 1), pump()));
      };
      return pump();
    }
    if (req.method === 'POST') {
      seenHeaders.push(req.headers);
      req.resume();
      return req.on('end', () => reply(201, { ...sarah, kind: 'Personnel Event' }));
    }
    return reply(200, sarah);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startContractProxy({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api`, port: 0, checkBytes: 2 * 1024 * 1024, onReport: (r) => reports.push(r) });
});
afterAll(async () => {
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

async function through(path: string) {
  const before = reports.length;
  const res = await fetch(`${proxy.url}${path}`, { headers: { Authorization: 'Bearer pa_real' } });
  const text = await res.text();
  // The proxy reports once the answer has gone out: wait for that report, not for a fixed time.
  await expect.poll(() => reports.length, { timeout: budget(10_000) }).toBeGreaterThan(before);
  return { res, text, report: reports.slice(before)[0]! };
}

describe('pa-mock proxy', () => {
  it('passes the response through unchanged and reports a wrong enum value precisely', async () => {
    const { res, text, report } = await through('/api/identities/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-upstream')).toBe('yes');
    expect(JSON.parse(text).status).toBe('Deleted');
    expect(report.operationId).toBe('getIdentity');
    expect(report.violations.map((v) => v.message)).toEqual(['response.body/status: expected one of "Active", "Disabled", "Removed", got "Deleted"']);
  });

  it('notes fields the spec does not define, without calling them violations', async () => {
    const { report } = await through('/api/identities/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b');
    expect(report.violations).toEqual([]);
    expect(report.undocumented.map((v) => `${v.where}${v.path}`)).toEqual(['response.body/costCenter']);
  });

  it.each([
    ['a missing required field', '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', 'response.body/firstName: expected a required field, got missing'],
    ['a wrong type', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', 'response.body/createdDate: expected type string, got 20210301'],
    ['an undocumented status', 'd4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b', 'response.status: expected one of 200, 400, 401, 403, 404, 500 or another error status, got 202'],
    ['a wrong content type', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'response content-type: expected application/json, got text/html'],
  ])('reports %s', async (_name, id, message) => {
    const { report } = await through(`/api/identities/${id}`);
    expect(report.violations.map((v) => v.message)).toEqual([message]);
  });

  it('reports invalid requests and unknown operations too', async () => {
    expect((await through('/api/identities?page=0')).report.violations.map((v) => v.message)).toEqual(['request.query.page: expected a number >= 1, got 0']);
    expect((await through('/api/widgets')).report.violations.map((v) => v.message)).toEqual(['no operation of the spec matches GET /api/widgets']);
  });

  it('streams an answer larger than it holds to check, whole, and reports it unchecked', async () => {
    const before = reports.length;
    const res = await fetch(`${proxy.url}/api/identities/5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e`, { headers: { Authorization: 'Bearer pa_real' } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(12 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reports.slice(before)[0]).toMatchObject({ operationId: 'getIdentity', violations: [], unchecked: 'the answer is larger than the 2 MB the proxy holds to check' });
  });

  it('passes a request sent with Expect: 100-continue (as curl does for uploads) without forwarding the expectation', async () => {
    const { request } = await import('node:http');
    const { port } = new URL(proxy.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/personnel-events/offboard', headers: { authorization: 'Bearer pa_real', 'content-type': 'application/json', expect: '100-continue' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('continue', () => req.end(JSON.stringify({ identityId: sarah.id, effectiveDate: '2026-12-01' })));
      req.on('error', reject);
    });
    expect(status).toBe(201);
    expect(seenHeaders.at(-1)?.expect).toBeUndefined();
  });

  it('refuses an upstream that is not a URL', async () => {
    await expect(startContractProxy({ upstream: 'pa.example.com', port: 0 })).rejects.toThrow('upstream "pa.example.com" is not a URL');
  });
});
