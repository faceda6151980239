// Compile-time guarantees: wrong params, bodies and enum values do not compile; results are typed.
import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  createPermissionAssistClient, type AccessRequest, type ApiError, type ApplicationImport, type Identity, type PersonnelEvent,
} from '../src/index.js';

const pa = createPermissionAssistClient({ baseUrl: 'https://pa.example.com', token: 'pa_x' });

describe('types', () => {
  it('results are the spec schemas', () => {
    expectTypeOf(pa.identities.get('id')).resolves.toEqualTypeOf<Identity>();
    expectTypeOf(pa.personnelEvents.createOffboard).returns.resolves.toEqualTypeOf<PersonnelEvent>();
    expectTypeOf(pa.applicationImports.stage).returns.resolves.toEqualTypeOf<ApplicationImport>();
    expectTypeOf(pa.accessRequests.listAll()).toEqualTypeOf<AsyncIterableIterator<AccessRequest>>();
    expectTypeOf(pa.identities.listCollect()).resolves.toEqualTypeOf<Identity[]>();
    expectTypeOf<Awaited<ReturnType<typeof pa.identities.list>>['pageSize']>().toEqualTypeOf<50>();
  });

  it('enums narrow', async () => {
    const event = await pa.personnelEvents.get('id');
    expectTypeOf(event.type).toEqualTypeOf<'Onboard' | 'Offboard' | 'Role Transition' | 'Absence'>();
    expectTypeOf(event.assignee).toEqualTypeOf<{ id: string; name: string } | null>();
    const request = await pa.accessRequests.get('id');
    if (request.target.type === 'Group') expectTypeOf(request.target.affectedIdentity).toEqualTypeOf<null>();
    else expectTypeOf(request.target.affectedIdentity).toEqualTypeOf<Identity | null>();
  });

  it('query parameters are checked', () => {
    assertType(pa.personnelEvents.list({ page: 2, status: 'Open', type: 'RoleTransition' }));
    // @ts-expect-error the filter spelling has no space
    assertType(pa.personnelEvents.list({ type: 'Role Transition' }));
    // @ts-expect-error not a status
    assertType(pa.accessRequests.list({ status: 'Approved' }));
    // @ts-expect-error page is a number
    assertType(pa.identities.list({ page: '2' }));
    // @ts-expect-error identities have no filters
    assertType(pa.identities.list({ status: 'Active' }));
    // @ts-expect-error listAll pages by itself
    assertType(pa.identities.listAll({ page: 2 }));
  });

  it('request bodies are checked', () => {
    assertType(pa.personnelEvents.createOnboard({ identity: { firstName: 'D', lastName: 'O', identityType: 'ServiceAccount' }, effectiveDate: '2026-03-15' }));
    // @ts-expect-error firstName and lastName are required
    assertType(pa.personnelEvents.createOnboard({ identity: { firstName: 'D' }, effectiveDate: '2026-03-15' }));
    // @ts-expect-error request spelling is ServiceAccount
    assertType(pa.personnelEvents.createOnboard({ identity: { firstName: 'D', lastName: 'O', identityType: 'Service Account' }, effectiveDate: '2026-03-15' }));
    // @ts-expect-error effectiveDate is required
    assertType(pa.personnelEvents.createOffboard({ identityId: 'x' }));
    // @ts-expect-error offboarding takes no endDate
    assertType(pa.personnelEvents.createOffboard({ identityId: 'x', effectiveDate: '2026-04-15', endDate: '2026-05-01' }));
    // @ts-expect-error cancel takes applicationImportId
    assertType(pa.applicationImports.cancel({ id: 'x' }));
    // @ts-expect-error get takes the id string
    assertType(pa.identities.get({ id: 'x' }));
  });

  it('uploads take one file per file group', () => {
    assertType(pa.applicationImports.upload({ applicationId: 'x', files: { g: new Blob(['a']), h: new Uint8Array(1), i: { data: new Blob(['b']), filename: 'b.csv' } } }));
    // @ts-expect-error a number is not a file
    assertType(pa.applicationImports.upload({ applicationId: 'x', files: { g: 42 } }));
  });

  it('errors expose the spec error codes', () => {
    expectTypeOf<ApiError['code']>().toEqualTypeOf<
      'validation_error' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable_entity' | 'server_error' | 'creation_failed' | undefined
    >();
  });

  it('raw client is openapi-fetch typed by path', async () => {
    const { data } = await pa.raw.GET('/api/identities/{id}', { params: { path: { id: 'x' } } });
    expectTypeOf(data).toEqualTypeOf<Identity | undefined>();
    // @ts-expect-error unknown path
    assertType(pa.raw.GET('/api/unknown'));
  });
});
