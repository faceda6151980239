// Writes the vendor documents rules for: every rule enforced, with the spec's Error body naming the
// field, and nothing created by a refused request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UnprocessableEntityError, ValidationError } from '@permission-assist/client';
import type { RunningSandbox } from '../src/index.js';
import { client, exampleId, inDays, post, raw, start, TODAY, violations } from './helpers/sandbox.js';

let sandbox: RunningSandbox;
let pa: ReturnType<typeof client>;
let connectors: any[];
const sarah = exampleId('IdentitySarahChen');
const jackHenry = exampleId('ApplicationJackHenrySymitar');
const legacyTeller = exampleId('ApplicationLegacyTeller');
const unknown = '9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e';

beforeAll(async () => {
  sandbox = await start();
  pa = client(sandbox);
  connectors = (await raw(sandbox, '/sandbox/connectors')).body.items;
});
afterAll(() => sandbox.close());

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).errors.map((e) => [e.field, e.message]));
}

async function eventCount() {
  return (await pa.personnelEvents.list()).totalCount;
}

describe('personnel events', () => {
  it('each type is created with the documented fields, Pending when effective today and Scheduled when later', async () => {
    const today = await pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: TODAY });
    expect(today).toMatchObject({ kind: 'Personnel Event', type: 'Offboard', status: 'Pending', neededOn: `${TODAY}T00:00:00Z`, neededUntil: null, completedOn: null });
    expect(today.reporter.name).toBe('API Token - Sandbox');
    expect(today.affectedIdentity?.id).toBe(sarah);
    const later = await pa.personnelEvents.createLeaveOfAbsence({ identityId: sarah, effectiveDate: `${inDays(10)}T00:00:00Z`, endDate: inDays(40), comment: 'Parental leave.' });
    expect(later).toMatchObject({ type: 'Absence', status: 'Scheduled', neededUntil: `${inDays(40)}T00:00:00Z`, comments: [{ text: 'Parental leave.' }] });
    expect(later.stages?.map((s) => s.name)).toEqual(['Approval', 'Provision', 'Removal']);
    const transition = await pa.personnelEvents.createRoleTransition({ identityId: sarah, effectiveDate: inDays(1), identity: { title: 'Branch Manager' } });
    expect(transition.type).toBe('Role Transition');
    const onboard = await pa.personnelEvents.createOnboard({ identity: { firstName: 'Ann', lastName: 'Lee' }, effectiveDate: inDays(3) });
    expect(onboard).toMatchObject({ type: 'Onboard', status: 'Scheduled', affectedIdentity: null });
    for (const event of [today, later, transition, onboard]) {
      expect(violations('POST', '/api/personnel-events/onboard', 201, event)).toEqual([]);
      expect(await pa.personnelEvents.get(event.id)).toEqual(event);
    }
    const listed = await pa.personnelEvents.listCollect({ identityId: sarah });
    expect(listed.map((e) => e.id)).toEqual(expect.arrayContaining([today.id, later.id, transition.id]));
  });

  it('numbers follow on from the last event', async () => {
    const before = (await pa.personnelEvents.listCollect()).reduce((max, e) => Math.max(max, e.number), 0);
    const created = await pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: inDays(5) });
    expect(created.number).toBe(before + 1);
  });

  it('an effective date before today (on the sandbox clock) is refused', async () => {
    const before = await eventCount();
    expect(await fieldErrors(pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: inDays(-1) }))).toEqual({
      effectiveDate: `Effective date must be today (${TODAY} on the sandbox clock) or later`,
    });
    expect(await eventCount()).toBe(before);
  });

  it('an end date that is not after the effective date is refused', async () => {
    expect(await fieldErrors(pa.personnelEvents.createLeaveOfAbsence({ identityId: sarah, effectiveDate: inDays(5), endDate: inDays(5) }))).toEqual({
      endDate: `End date must be after the effective date (${inDays(5)})`,
    });
  });

  it('an unknown identityId is a 404; an unknown supervisor is a 400 naming identity.supervisorId', async () => {
    const error = await pa.personnelEvents.createOffboard({ identityId: unknown, effectiveDate: TODAY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`Identity with id ${unknown} not found`);
    expect(await fieldErrors(pa.personnelEvents.createOnboard({ identity: { firstName: 'A', lastName: 'B', supervisorId: unknown }, effectiveDate: TODAY }))).toEqual({
      'identity.supervisorId': `Supervisor id matches no identity (${unknown})`,
    });
  });

  it('field rules come before the identity lookup, and all field errors come at once', async () => {
    expect(await fieldErrors(pa.personnelEvents.createOffboard({ identityId: unknown, effectiveDate: '2026-13-45' }))).toHaveProperty('effectiveDate');
    const many = await fieldErrors(
      pa.personnelEvents.createOnboard({ identity: { firstName: '', department: 'd'.repeat(129), titel: 'x' }, effectiveDate: 'soon' } as never),
    );
    expect(many).toEqual({
      'identity.firstName': 'First name must not be empty',
      'identity.lastName': 'Last name is required',
      'identity.department': 'Department must be at most 128 characters',
      'identity.titel': expect.stringMatching(/^titel is not a field of this request; the fields here are firstName, lastName, .*title/),
      effectiveDate: 'Effective date must look like 2026-04-15T00:00:00Z or 2026-03-15',
    });
  });

  it('custom fields beyond the enabled ones are refused', async () => {
    expect(await fieldErrors(pa.personnelEvents.createOnboard({ identity: { firstName: 'A', lastName: 'B', customField3: 'x', customField11: 'y' }, effectiveDate: TODAY }))).toEqual({
      'identity.customField11': 'Custom field 11 is not enabled (the sandbox enables customField1 to customField10)',
    });
  });

  it('malformed JSON and a missing body are 400s in the Error shape', async () => {
    const malformed = await raw(sandbox, '/api/personnel-events/offboard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identityId": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('body');
    expect(malformed.body.errors[0].message).toMatch(/^Body is not valid JSON/);
    const missing = await post(sandbox, '/api/personnel-events/offboard');
    expect(missing.body.errors).toEqual([{ field: 'body', message: 'Body is required: send a JSON object' }]);
  });
});

describe('application imports', () => {
  const connector = (test: (c: any) => boolean) => connectors.find((c) => !c.application.isArchived && test(c))!;

  it('stage answers 201 Pending with the documented fields', async () => {
    const staged = await pa.applicationImports.stage({ applicationId: jackHenry });
    expect(staged).toMatchObject({ kind: 'Application Import', type: 'API', status: 'Pending', buildStart: null, buildEnd: null, log: null, files: [], metrics: null, createdBy: 'API Token - Sandbox' });
    expect(staged.application?.id).toBe(jackHenry);
    expect(violations('POST', '/api/application-imports/stage', 201, staged)).toEqual([]);
  });

  it('stage refuses an archived application (the vendor sample), an unknown one (404) and one without a schedule (422)', async () => {
    expect(await fieldErrors(pa.applicationImports.stage({ applicationId: legacyTeller }))).toEqual({ applicationId: 'Application is archived' });
    expect(await pa.applicationImports.stage({ applicationId: unknown }).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    const unscheduled = connector((c) => c.importSchedule === null);
    const error = await pa.applicationImports.stage({ applicationId: unscheduled.application.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toContain('has no import schedule');
  });

  it('upload attaches one file per file group and answers 201 Pending', async () => {
    const uploaded = await pa.applicationImports.upload({
      applicationId: jackHenry,
      files: { 'a1b2c3d4-0000-0000-0000-000000000001': { data: new Blob(['id,name\n1,Ann\n2,Bo\n']), filename: 'employees.csv' } },
    });
    expect(uploaded).toMatchObject({ status: 'Pending', type: 'API', files: [{ fileGroupId: 'a1b2c3d4-0000-0000-0000-000000000001', fileGroup: 'Employees', name: 'employees.csv' }] });
    expect(violations('POST', '/api/application-imports/upload', 201, uploaded)).toEqual([]);
  });

  function form(parts: Record<string, string>, applicationId: string | null = jackHenry) {
    const body = new FormData();
    if (applicationId) body.append('applicationId', applicationId);
    for (const [name, text] of Object.entries(parts)) body.append(name, new Blob([text]), `${name.slice(-4)}.csv`);
    return raw(sandbox, '/api/application-imports/upload', { method: 'POST', body });
  }

  it('upload refuses an empty file, an unknown file group and a missing required group, naming each part', async () => {
    const empty = await form({ 'a1b2c3d4-0000-0000-0000-000000000001': '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'a1b2c3d4-0000-0000-0000-000000000001', message: 'File 0001.csv is empty' }]);
    const stranger = await form({ 'a1b2c3d4-0000-0000-0000-000000000001': 'id\n1\n', [unknown]: 'x\n1\n' });
    expect(stranger.body.errors[0]).toMatchObject({ field: unknown, message: expect.stringContaining('is not a file group of Jack Henry Symitar') });
    const missing = await form({ 'a1b2c3d4-0000-0000-0000-000000000002': 'id,privilege\n1,LOAN\n' });
    expect(missing.body.errors).toEqual([{ field: 'a1b2c3d4-0000-0000-0000-000000000001', message: 'A file for the required file group Employees is missing' }]);
  });

  it('upload takes applicationId from the query too, refuses it missing or twice with different values', async () => {
    const body = new FormData();
    body.append('a1b2c3d4-0000-0000-0000-000000000001', new Blob(['id\n1\n']), 'e.csv');
    expect((await raw(sandbox, `/api/application-imports/upload?applicationId=${jackHenry}`, { method: 'POST', body })).status).toBe(201);
    const none = await form({ 'a1b2c3d4-0000-0000-0000-000000000001': 'id\n1\n' }, null);
    expect(none.body.errors[0].field).toBe('applicationId');
    const twice = new FormData();
    twice.append('applicationId', jackHenry);
    twice.append('a1b2c3d4-0000-0000-0000-000000000001', new Blob(['id\n1\n']), 'e.csv');
    const conflicting = await raw(sandbox, `/api/application-imports/upload?applicationId=${legacyTeller}`, { method: 'POST', body: twice });
    expect(conflicting.body.errors[0].message).toContain('given twice with different values');
  });

  it('upload refuses an application whose connector does not read files (422)', async () => {
    const api = connector((c) => !c.fileBased);
    const error = await pa.applicationImports.upload({ applicationId: api.application.id, files: { [unknown]: new Blob(['x\n1\n']) } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
  });

  it('cancel moves a Pending import to Canceling; a second cancel is a 409; an unknown import a 404', async () => {
    const staged = await pa.applicationImports.stage({ applicationId: jackHenry });
    const canceling = await pa.applicationImports.cancel({ applicationImportId: staged.id });
    expect(canceling).toMatchObject({ id: staged.id, number: staged.number, status: 'Canceling' });
    expect(violations('POST', '/api/application-imports/cancel', 200, canceling)).toEqual([]);
    const again = await pa.applicationImports.cancel({ applicationImportId: staged.id }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as Error).message).toContain(`Application import ${staged.number} is Canceling and cannot be canceled`);
    expect(await pa.applicationImports.cancel({ applicationImportId: unknown }).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });

  it('a finished import cannot be canceled (409, the vendor sample import 47)', async () => {
    const error = await pa.applicationImports.cancel({ applicationImportId: exampleId('ImportJackHenryFinished') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('Application import 47 is Finished and cannot be canceled');
  });
});
