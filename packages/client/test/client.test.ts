// Construction, routing of every resource method, auth and headers, against a real local server.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/index.js';
import { TRANSPORTS } from './helpers/transports.js';
import { offboardEvent, page, sarahChen, stagedImport, TOKEN } from './helpers/fixtures.js';
import { json, startServer, type TestServer } from './helpers/server.js';
import { rawClient } from '../src/raw.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && /^\/api\/[a-z-]+$/.test(url.pathname)) return json(res, 200, page([sarahChen], 1, 1));
    if (req.method === 'GET') return json(res, 200, sarahChen);
    if (url.pathname.startsWith('/api/personnel-events/')) return json(res, 201, offboardEvent);
    return json(res, url.pathname.endsWith('/cancel') ? 200 : 201, stagedImport);
  });
});
afterAll(() => server.close());

describe.each(TRANSPORTS)('$name transport', ({ create: createPermissionAssistClient }) => {
  const client = (extra: object = {}) => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, ...extra });
  const last = () => server.requests.at(-1)!;

  describe('createPermissionAssistClient: configuration', () => {
    it.each([
      [{ baseUrl: 'https://pa.example.com' }, 'token: is required'],
      [{ baseUrl: 'https://pa.example.com', token: '   ' }, 'token: is required'],
      [{ baseUrl: 'https://pa.example.com', token: 'Bearer pa_x' }, 'token: must be the token alone, without "Bearer "'],
      [{ token: 'pa_x' }, 'baseUrl: is required'],
      [{ baseUrl: 'pa.example.com', token: 'pa_x' }, 'baseUrl: is not a valid URL: "pa.example.com"'],
      [{ baseUrl: 'ftp://pa.example.com', token: 'pa_x' }, 'baseUrl: must be an http(s) URL'],
      [{ baseUrl: 'https://pa.example.com/api?x=1', token: 'pa_x' }, 'baseUrl: must not contain a query string'],
      [{ baseUrl: 'https://pa.example.com', token: 'pa_x', timeoutMs: -1 }, 'timeoutMs: must be a number of 0 or more'],
    ])('rejects %j with a clear error', (options, message) => {
      expect(() => createPermissionAssistClient(options as never)).toThrow(InvalidArgumentError);
      expect(() => createPermissionAssistClient(options as never)).toThrow(message);
    });

    it.each(['', '/', '/api', '/api/'])('accepts the server with "%s" after the host', async (suffix) => {
      await client({ baseUrl: `${server.url}${suffix}` }).identities.get(sarahChen.id);
      expect(last().url).toBe(`/api/identities/${sarahChen.id}`);
    });

    it('keeps a path prefix in front of /api (a server behind a reverse proxy)', async () => {
      await client({ baseUrl: `${server.url}/pa/api` }).identities.list();
      expect(last().url).toBe('/pa/api/identities');
    });
  });

  describe('resource methods', () => {
    it('send the bearer token, JSON accept header and a User-Agent', async () => {
      await client().identities.list();
      expect(last().headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(last().headers.accept).toBe('application/json');
      expect(last().headers['user-agent']).toMatch(/^permission-assist-client\/\d+\.\d+\.\d+ node\//);
    });

    it('send custom headers, a custom User-Agent and per-call headers', async () => {
      await client({ userAgent: 'hris-sync/2.0', headers: { 'X-Tenant': 'fbov' } }).identities.list(undefined, { headers: { 'X-Request-Id': 'r-1' } });
      expect(last().headers).toMatchObject({ 'user-agent': 'hris-sync/2.0', 'x-tenant': 'fbov', 'x-request-id': 'r-1' });
    });

    it('list: serialises page and filters into the query string and returns the page', async () => {
      const result = await client().personnelEvents.list({ page: 2, status: 'Open', type: 'RoleTransition', identityId: sarahChen.id });
      expect(last().method).toBe('GET');
      expect(last().url).toBe(`/api/personnel-events?page=2&status=Open&type=RoleTransition&identityId=${sarahChen.id}`);
      expect(result.items[0]).toEqual(sarahChen);
    });

    it('get: puts the id in the path (URL-encoded) and returns the resource', async () => {
      const identity = await client().identities.get(sarahChen.id);
      expect(identity).toEqual(sarahChen);
      await client().identities.get('a/b');
      expect(last().url).toBe('/api/identities/a%2Fb');
    });

    it('get: refuses an empty id before sending anything', async () => {
      const before = server.requests.length;
      await expect(client().identities.get('')).rejects.toThrow(InvalidArgumentError);
      await expect(client().identities.get('')).rejects.toThrow('id: must be a non-empty string');
      expect(server.requests.length).toBe(before);
    });

    it.each([
      ['personnelEvents', 'createOnboard', '/api/personnel-events/onboard', { identity: { firstName: 'Daniel', lastName: 'Okafor' }, effectiveDate: '2026-03-15' }],
      ['personnelEvents', 'createOffboard', '/api/personnel-events/offboard', { identityId: sarahChen.id, effectiveDate: '2026-04-15T00:00:00Z' }],
      ['personnelEvents', 'createRoleTransition', '/api/personnel-events/role-transition', { identityId: sarahChen.id, effectiveDate: '2026-04-15' }],
      ['personnelEvents', 'createLeaveOfAbsence', '/api/personnel-events/leave-of-absence', { identityId: sarahChen.id, effectiveDate: '2026-05-01' }],
      ['applicationImports', 'stage', '/api/application-imports/stage', { applicationId: sarahChen.id }],
      ['applicationImports', 'cancel', '/api/application-imports/cancel', { applicationImportId: sarahChen.id }],
    ])('%s.%s POSTs JSON to %s', async (resource, method, path, body) => {
      const pa = client() as unknown as Record<string, Record<string, (b: unknown) => Promise<unknown>>>;
      const result = await pa[resource]![method]!(body);
      expect(last()).toMatchObject({ method: 'POST', url: path });
      expect(last().headers['content-type']).toBe('application/json');
      expect(JSON.parse(last().body.toString())).toEqual(body);
      expect(result).toHaveProperty('kind');
    });

    it('every operation of the spec is reachable as a resource method', () => {
      const pa = client();
      const names = Object.entries(pa)
        .filter(([key]) => key !== 'raw')
        .flatMap(([resource, methods]) => Object.keys(methods as object).map((m) => `${resource}.${m}`));
      expect(names).toEqual(expect.arrayContaining([
        'personnelEvents.list', 'personnelEvents.listAll', 'personnelEvents.listCollect', 'personnelEvents.get',
        'personnelEvents.createOnboard', 'personnelEvents.createOffboard', 'personnelEvents.createRoleTransition', 'personnelEvents.createLeaveOfAbsence',
        'applicationImports.list', 'applicationImports.get', 'applicationImports.stage', 'applicationImports.upload', 'applicationImports.cancel',
        'applications.list', 'applications.get', 'identities.list', 'identities.get', 'accessRequests.list', 'accessRequests.get',
      ]));
    });

    it('raw: the openapi-fetch { data, error, response } style with the same auth', async () => {
      const { data, error, response } = await rawClient(client()).GET('/api/identities/{id}', { params: { path: { id: sarahChen.id } } });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data?.lastName).toBe('Chen');
      expect(last().headers.authorization).toBe(`Bearer ${TOKEN}`);
    });

    it('the token is not an enumerable part of the client', () => {
      const pa = client();
      expect(JSON.stringify(Object.keys(pa))).not.toContain(TOKEN);
      expect(inspect(pa, { depth: 5 })).not.toContain(TOKEN);
    });
  });
});
