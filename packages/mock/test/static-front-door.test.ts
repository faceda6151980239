// --static behind the same front door as the sandbox: media types are checked exactly (415 naming
// what the operation takes), upload parts are validated once against the spec, and the Host check
// and request id apply as they do in the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningServer } from '../src/index.js';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());

const onboard = JSON.stringify({ identity: { firstName: 'Daniel', lastName: 'Okafor' }, effectiveDate: '2026-03-15' });
const call = (path: string, init: RequestInit = {}) => fetch(`${mock.url}${path}`, { ...init, headers: { authorization: 'Bearer pa_static', ...init.headers } });

describe('--static front door', () => {
  it.each(['text/json', 'text/plain', 'application/jsonl'])('a JSON body sent as %s is refused with 415 naming the media type the operation takes', async (type) => {
    const res = await call('/api/personnel-events/onboard', { method: 'POST', headers: { 'content-type': type }, body: onboard });
    expect(res.status).toBe(415);
    expect((await res.json()).message).toBe(`This operation takes application/json, not ${type}`);
  });

  it('the same body as application/json is answered with the documented example', async () => {
    const res = await call('/api/personnel-events/onboard', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: onboard });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('an upload part the spec does not define is a 400 naming it', async () => {
    const form = new FormData();
    form.set('applicationId', 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e');
    form.set('comment', 'not a part of this request');
    form.set('a1b2c3d4-0000-0000-0000-000000000001', new Blob(['id\n1\n']), 'a.csv');
    const res = await call('/api/application-imports/upload', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ field: 'comment', message: expect.stringMatching(/^comment is not a field of this request; the fields here are applicationId/) }]);
  });

  it('a Host name it was not given is refused with 403', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: new URL(mock.url).port, path: '/api/identities', headers: { host: 'rebound.example', authorization: 'Bearer pa_static' } }, (res) => (res.resume(), resolve(res.statusCode!)));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
