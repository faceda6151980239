// Compile-time guarantees: wrong params, bodies and enum values do not compile; results are typed.
import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  createPermissionAssistClient, operationTable, type AccessRequest, type ApiError, type ApplicationImport, type CreateLeaveOfAbsenceEventRequest,
  type CreateOffboardEventRequest, type CreateOnboardEventRequest, type CreateRoleTransitionEventRequest, type ErrorBody, type Identity,
  type PersonnelEvent, type StageImportRequest,
} from '../src/index.js';
import { rawClient } from '../src/raw.js';

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

  it('identity details: custom fields by name, a misspelt attribute does not compile', () => {
    assertType(pa.personnelEvents.createRoleTransition({ identityId: 'x', effectiveDate: '2026-03-02', identity: { title: 'Manager', customField3: 'FBV-7' } }));
    // @ts-expect-error `titel` is neither an attribute nor a custom field
    assertType(pa.personnelEvents.createRoleTransition({ identityId: 'x', effectiveDate: '2026-03-02', identity: { titel: 'Manager' } }));
    // @ts-expect-error custom field values are strings
    assertType(pa.personnelEvents.createRoleTransition({ identityId: 'x', effectiveDate: '2026-03-02', identity: { customField1: 7 } }));
  });

  it('open objects of the spec are readable, not Record<string, never>', async () => {
    const event = await pa.personnelEvents.get('id');
    expectTypeOf(event.stages).toEqualTypeOf<{ [key: string]: unknown }[] | undefined>();
    expectTypeOf(event.comments![0]!['text']).toEqualTypeOf<unknown>();
    const imported = await pa.applicationImports.get('id');
    expectTypeOf(imported.metrics).toEqualTypeOf<{ [key: string]: unknown } | null | undefined>();
  });

  it('timestamps are strings (including the zone-less lastUpdated), never unknown', async () => {
    const application = await pa.applications.get('id');
    expectTypeOf(application.lastUpdated).toEqualTypeOf<string>();
    const identity = await pa.identities.get('id');
    expectTypeOf(identity.inactivatedDate).toEqualTypeOf<string | null>();
    expectTypeOf<Parameters<typeof pa.personnelEvents.createOffboard>[0]['effectiveDate']>().toEqualTypeOf<string>();
  });

  it('case-insensitive filters offer their canonical spellings', () => {
    expectTypeOf<NonNullable<Parameters<typeof pa.accessRequests.list>[0]>['type']>().toEqualTypeOf<'Add' | 'Change' | 'Remove' | 'Suspend' | 'Restore' | undefined>();
    expectTypeOf<NonNullable<Parameters<typeof pa.personnelEvents.list>[0]>['status']>().toEqualTypeOf<
      'Pending' | 'Open' | 'Resolved' | 'Completed' | 'Canceled' | 'Scheduled' | 'Snoozed' | undefined
    >();
  });

  it('group targets always carry their nomenclature', async () => {
    const request = await pa.accessRequests.get('id');
    if (request.target.type === 'Group') expectTypeOf(request.target.nomenclature).toEqualTypeOf<string>();
  });

  it('request bodies have names of their own', () => {
    const hire: CreateOnboardEventRequest = { identity: { firstName: 'D', lastName: 'O' }, effectiveDate: '2026-03-15' };
    assertType(pa.personnelEvents.createOnboard(hire));
    expectTypeOf<Parameters<typeof pa.personnelEvents.createOffboard>[0]>().toEqualTypeOf<CreateOffboardEventRequest>();
    expectTypeOf<Parameters<typeof pa.personnelEvents.createRoleTransition>[0]>().toEqualTypeOf<CreateRoleTransitionEventRequest>();
    expectTypeOf<Parameters<typeof pa.personnelEvents.createLeaveOfAbsence>[0]>().toEqualTypeOf<CreateLeaveOfAbsenceEventRequest>();
    expectTypeOf<Parameters<typeof pa.applicationImports.stage>[0]>().toEqualTypeOf<StageImportRequest>();
    expectTypeOf<ErrorBody['error']>().toEqualTypeOf<ApiError['code'] & string>();
  });

  it('withResponse() gives the data with the status and headers', async () => {
    const { data, status, headers } = await pa.identities.get('id').withResponse();
    expectTypeOf(data).toEqualTypeOf<Identity>();
    expectTypeOf(status).toEqualTypeOf<number>();
    expectTypeOf(headers).toEqualTypeOf<Headers>();
  });

  it('the operation table is a value with every operation', () => {
    expectTypeOf(operationTable.identities.get.path).toEqualTypeOf<'/api/identities/{id}'>();
  });

  it('errors expose the spec error codes', () => {
    expectTypeOf<ApiError['code']>().toEqualTypeOf<
      'validation_error' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable_entity' | 'server_error' | 'creation_failed' | undefined
    >();
  });

  it('raw client is openapi-fetch typed by path', async () => {
    const { data } = await rawClient(pa).GET('/api/identities/{id}', { params: { path: { id: 'x' } } });
    expectTypeOf(data).toEqualTypeOf<Identity | undefined>();
    // @ts-expect-error unknown path
    assertType(rawClient(pa).GET('/api/unknown'));
  });
});
