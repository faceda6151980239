// pa-mock --static (Prism's example mode) as integration developers use it: through the typed
// client, with real HTTP on 127.0.0.1. Its front server shares the sandbox's routing, tokens, limits
// and validation, so its errors read the same.
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPermissionAssistClient, NotFoundError, UnauthorizedError, ValidationError } from '@permission-assist/client';
import { createContract, loadSpec, sandboxSpecPath } from '@permission-assist/spec-kit';
import { startMockServer, type RunningServer } from '../src/index.js';
import { example, exampleId } from './helpers/sandbox.js';

const contract = createContract();
const sandboxContract = createContract(loadSpec(sandboxSpecPath));
let mock: RunningServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());

const pa = () => createPermissionAssistClient({ baseUrl: mock.url, token: 'pa_mock', retry: false });
async function raw(path: string, init: RequestInit = {}) {
  const res = await fetch(`${mock.url}${path}`, { ...init, headers: { Authorization: 'Bearer pa_mock', ...init.headers } });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.json() };
}

describe('--static: documented examples', () => {
  it('answers every operation with its documented example, valid against the spec', async () => {
    const client = pa();
    const id = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    // Ids of records in the example data set (a GET by id answers the example with that id).
    const ids = {
      getPersonnelEvent: exampleId('PersonnelEventOffboard'),
      getApplicationImport: exampleId('ImportJackHenryFinished'),
      getApplication: exampleId('ApplicationJackHenrySymitar'),
      getIdentity: id,
      getAccessRequest: exampleId('AccessRequestRemoveUser'),
    };
    const calls: [string, () => Promise<unknown>][] = [
      ['listPersonnelEvents', () => client.personnelEvents.list()],
      ['getPersonnelEvent', () => client.personnelEvents.get(ids.getPersonnelEvent)],
      ['createOnboardEvent', () => client.personnelEvents.createOnboard({ identity: { firstName: 'Daniel', lastName: 'Okafor' }, effectiveDate: '2026-03-15' })],
      ['createOffboardEvent', () => client.personnelEvents.createOffboard({ identityId: id, effectiveDate: '2026-04-15T00:00:00Z' })],
      ['createRoleTransitionEvent', () => client.personnelEvents.createRoleTransition({ identityId: id, effectiveDate: '2026-03-02', identity: { title: 'Manager' } })],
      ['createLeaveOfAbsenceEvent', () => client.personnelEvents.createLeaveOfAbsence({ identityId: id, effectiveDate: '2026-05-01', endDate: '2026-07-31' })],
      ['listApplicationImports', () => client.applicationImports.list({ applicationId: id })],
      ['getApplicationImport', () => client.applicationImports.get(ids.getApplicationImport)],
      ['stageApplicationImport', () => client.applicationImports.stage({ applicationId: ids.getApplication })],
      ['uploadApplicationImport', () => client.applicationImports.upload({ applicationId: ids.getApplication, files: { 'a1b2c3d4-0000-0000-0000-000000000001': new Blob(['a,b\n']) } })],
      ['cancelApplicationImport', () => client.applicationImports.cancel({ applicationImportId: 'f1e2d3c4-b5a6-9788-7654-321fedcba098' })],
      ['listApplications', () => client.applications.list()],
      ['getApplication', () => client.applications.get(ids.getApplication)],
      ['listIdentities', () => client.identities.list({ page: 1 })],
      ['getIdentity', () => client.identities.get(ids.getIdentity)],
      ['listAccessRequests', () => client.accessRequests.list({ status: 'Open', type: 'Remove' })],
      ['getAccessRequest', () => client.accessRequests.get(ids.getAccessRequest)],
    ];
    expect(calls.map(([operationId]) => operationId).sort()).toEqual(contract.operations.map((o) => o.operationId).sort());
    for (const [operationId, call] of calls) {
      const body = await call();
      const op = contract.operations.find((o) => o.operationId === operationId)!;
      const matched = contract.match(op.method, op.path.replace('{id}', (ids as Record<string, string>)[operationId] ?? id))!;
      const status = operationId.startsWith('create') || operationId.startsWith('stage') || operationId.startsWith('upload') ? 201 : 200;
      expect(contract.checkResponse(matched, { status, contentType: 'application/json', body }).violations, operationId).toEqual([]);
    }
    expect(await client.identities.get(id)).toEqual(example('IdentitySarahChen'));
  });

  it('a GET by id answers the example record with that id', async () => {
    expect(await pa().identities.get(exampleId('IdentityRachelJohnson'))).toEqual(example('IdentityRachelJohnson'));
    expect(await pa().accessRequests.get(exampleId('AccessRequestAddGroup'))).toEqual(example('AccessRequestAddGroup'));
  });

  it('an unknown id is a 404 in the vendor wording', async () => {
    const error = await pa().identities.get('9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringContaining('Identity with id 9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e not found') });
    const event = await raw('/api/personnel-events/9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e');
    expect(event.body.message).toBe('Personnel event with id 9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e not found');
  });

  it('a request body that refers to a record not in the data set is a 404', async () => {
    const error = await pa().applicationImports.cancel({ applicationImportId: '9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('Application import with id 9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e not found');
    const offboard = await pa().personnelEvents.createOffboard({ identityId: '9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e', effectiveDate: '2026-04-15' }).catch((e: unknown) => e);
    expect(offboard).toMatchObject({ status: 404, message: expect.stringContaining('Identity with id') });
  });

  it('a record of the data set that no named example shows is still found by id', async () => {
    const canceling = await pa().applicationImports.get('f1e2d3c4-b5a6-9788-7654-321fedcba098');
    expect(canceling).toMatchObject({ number: 47, status: 'Canceling' });
  });

  it('Prefer: example=<name> picks a documented alternative', async () => {
    const { body } = await raw('/api/application-imports/stage', {
      method: 'POST',
      headers: { 'content-type': 'application/json', Prefer: 'example=triggerImportGuide' },
      body: JSON.stringify({ applicationId: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e' }),
    });
    expect(body).toMatchObject({ type: 'Api', application: { lastUpdated: '2026-02-20T08:15:00' } });
  });

  it('Prefer: code=404 returns the documented 404 (a typed NotFoundError in the client)', async () => {
    const error = await pa().identities.get('3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', { headers: { Prefer: 'code=404' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('--static: errors in the spec Error shape', () => {
  it.each([
    ['no Authorization header', {}, 'missingToken'],
    ['a non-Bearer scheme', { Authorization: 'Basic dXNlcjpwYXNz' }, 'invalidToken'],
    ['pa_ alone', { Authorization: 'Bearer pa_' }, 'invalidToken'],
  ])('401 for %s, with the body the sandbox spec documents', async (_case, headers, name) => {
    const res = await fetch(`${mock.url}/api/identities`, { headers });
    expect(res.status).toBe(401);
    const unauthorized = sandboxContract.spec.components?.responses?.Unauthorized as { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> };
    const { correlationId: _id, ...documented } = unauthorized.content['application/json']!.examples[name]!.value;
    expect(await res.json()).toEqual({ ...documented, correlationId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it.each(['not-a-pa-token', 'pa_expired_2025'])('the token %s is refused with 401', async (token) => {
    const error = await createPermissionAssistClient({ baseUrl: mock.url, token }).identities.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: expect.stringContaining('Invalid or expired authentication token') });
  });

  it('the client surfaces a 401 as UnauthorizedError (the mock accepts any bearer token; Prefer: code=401 simulates a bad one)', async () => {
    const error = await pa().identities.list({}, { headers: { Prefer: 'code=401' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Invalid or expired authentication token') });
  });

  it('400 names the offending query parameter (page=0, unknown enum value); case-insensitive filters pass', async () => {
    expect((await raw('/api/identities?page=0')).body).toMatchObject({ error: 'validation_error', errors: [{ field: 'page', message: 'Page must be 1 or greater' }] });
    const invalidEnum = await raw('/api/access-requests?status=Approved&type=Grant');
    expect(invalidEnum.status).toBe(400);
    expect(invalidEnum.body.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'type']);
    expect(invalidEnum.body.errors[0].message).toContain('Pending, Open, Resolved');
    expect((await raw('/api/access-requests?status=open&type=REMOVE')).status).toBe(200);
  });

  it('400 names every offending body field: missing, too long, bad date, unknown', async () => {
    const error = (await pa()
      .personnelEvents.createOnboard({ identity: { firstName: 'Daniel', department: 'd'.repeat(129) }, effectiveDate: '2026-13-45', foo: 1 } as never)
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    const fields = Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
    expect(fields).toEqual({
      foo: 'foo is not a field of this request; the fields here are identity, effectiveDate, comment',
      'identity.lastName': 'Last name is required',
      'identity.department': 'Department must be at most 128 characters',
      effectiveDate: 'Effective date must look like 2026-04-15T00:00:00Z or 2026-03-15',
    });
    expect(error.correlationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a malformed id is a 400 naming `id`', async () => {
    const { status, body } = await raw('/api/identities/not-a-guid');
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'id', message: 'Id must be a GUID' }]);
  });

  it('an unknown path is a 404 in the Error shape', async () => {
    const { status, body } = await raw('/api/widgets');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: 'not_found', message: 'No operation of the Permission Assist API is at /api/widgets' });
  });

  it('nothing of Prism leaks: no internal address, no problem+json, even for odd requests', async () => {
    for (const [path, init] of [
      ['/api/identities/%ff', {}],
      ['/api/identities', { method: 'HEAD' }],
      ['/api/personnel-events/onboard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identity": ' }],
    ] as [string, RequestInit][]) {
      const res = await fetch(`${mock.url}${path}`, { ...init, headers: { Authorization: 'Bearer pa_mock', ...init.headers } });
      const text = await res.text();
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('content-type') ?? '', path).not.toContain('problem');
      expect(text, path).not.toMatch(/127\.0\.0\.1:\d+/);
    }
  });

  it('an upload announced too large with Expect: 100-continue is refused before the client sends it', async () => {
    const { port } = new URL(mock.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
      socket.write('POST /api/application-imports/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer pa_mock\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 104857600\r\nExpect: 100-continue\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).not.toContain('100 Continue');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: 'validation_error', message: 'The request body is larger than the 20 MB this server accepts' });
  });

  it('a taken port fails with a clear message', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as import('node:net').AddressInfo).port;
    await expect(startMockServer({ port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    await new Promise((resolve) => blocker.close(resolve));
  });
});
