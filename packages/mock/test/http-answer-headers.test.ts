// The exact header block of the sandbox's answers, as a client receives it (names, casing, order and
// values): the request id, the safety headers, CORS where the path is open to other origins, the
// operation's own headers, then the body's type and length. The front door writes them all in one
// writeHead call; this pins what that call must produce for each kind of answer.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { exampleId, start, TODAY } from './helpers/sandbox.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

interface Answer {
  status: number;
  /** [name, value] in the order and casing sent. */
  headers: [string, string][];
  body: string;
}

function call(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}${path}`, { method, headers: { authorization: `Bearer ${sandbox.token}`, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const ID = /^[0-9a-f]{32}$/;
const SAFE: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['cache-control', 'no-store'],
];
const CORS: [string, string][] = [
  ['access-control-allow-origin', '*'],
  ['access-control-allow-methods', 'GET, POST, DELETE, OPTIONS'],
  ['access-control-allow-headers', 'Authorization, Content-Type, Prefer, X-Request-Id'],
  ['access-control-expose-headers', 'X-Request-Id, Retry-After'],
  ['access-control-max-age', '600'],
];
const JSON_TYPE: [string, string] = ['content-type', 'application/json; charset=utf-8'];
/** What Node adds after the answer's own headers on a keep-alive-less request (agent: false). */
const NODE_TAIL = ['Date', 'Connection'];

/** Checks the whole block: the request id first, then `expected`, then Node's own Date and Connection. */
function expectBlock(answer: Answer, expected: [string, string][]) {
  const [first, ...rest] = answer.headers;
  expect(first?.[0]).toBe('x-request-id');
  expect(first?.[1]).toMatch(ID);
  const own = rest.slice(0, rest.length - NODE_TAIL.length);
  expect(own).toEqual(expected);
  expect(rest.slice(own.length).map(([name]) => name)).toEqual(NODE_TAIL);
  return first![1];
}

const length = (answer: Answer): [string, string] => ['content-length', String(Buffer.byteLength(answer.body))];

describe('the header block of each kind of answer', () => {
  it('POST onboard (201): request id, safety, CORS, JSON type and length', async () => {
    const body = JSON.stringify({ identity: { firstName: 'Ada', lastName: 'Lovelace', department: 'Operations' }, effectiveDate: TODAY });
    const answer = await call('POST', '/api/personnel-events/onboard', { 'content-type': 'application/json' }, body);
    expect(answer.status).toBe(201);
    expectBlock(answer, [...SAFE, ...CORS, JSON_TYPE, length(answer)]);
  });

  it('a cached read (200) has the same block', async () => {
    const answer = await call('GET', `/api/identities/${exampleId('IdentitySarahChen')}`);
    expect(answer.status).toBe(200);
    expectBlock(answer, [...SAFE, ...CORS, JSON_TYPE, length(answer)]);
  });

  it('a validation error (400): the request id is the error correlationId, sent once', async () => {
    const answer = await call('POST', '/api/personnel-events/onboard', { 'content-type': 'application/json' }, JSON.stringify({ effectiveDate: 'soon' }));
    expect(answer.status).toBe(400);
    const id = expectBlock(answer, [...SAFE, ...CORS, JSON_TYPE, length(answer)]);
    expect(JSON.parse(answer.body).correlationId).toBe(id);
  });

  it("an error's own headers come after CORS (405 Allow, 401 WWW-Authenticate)", async () => {
    const wrongMethod = await call('DELETE', '/api/identities');
    expect(wrongMethod.status).toBe(405);
    expectBlock(wrongMethod, [...SAFE, ...CORS, ['allow', 'GET, HEAD'], JSON_TYPE, length(wrongMethod)]);
    const noToken = await call('GET', '/api/identities', { authorization: '' });
    expect(noToken.status).toBe(401);
    expectBlock(noToken, [...SAFE, ...CORS, ['www-authenticate', 'Bearer'], JSON_TYPE, length(noToken)]);
  });

  it('the control plane is not open to other origins: no CORS headers', async () => {
    const answer = await call('GET', '/sandbox/clock');
    expect(answer.status).toBe(200);
    expectBlock(answer, [...SAFE, JSON_TYPE, length(answer)]);
  });

  it('a preflight (204) gets CORS and a zero length; a refused Host gets no CORS', async () => {
    const preflight = await call('OPTIONS', '/api/personnel-events/onboard', { origin: 'https://app.example', 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(204);
    expectBlock(preflight, [...SAFE, ...CORS, ['content-length', '0']]);
    const rebound = await call('GET', '/api/identities', { host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expectBlock(rebound, [...SAFE, JSON_TYPE, length(rebound)]);
  });

  it('HEAD: the GET block, with the length of the body it leaves out', async () => {
    const get = await call('GET', '/api/identities');
    const head = await call('HEAD', '/api/identities');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expectBlock(head, [...SAFE, ...CORS, JSON_TYPE, length(get)]);
  });
});
