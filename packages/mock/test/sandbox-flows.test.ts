// Whole flows, as an integration lives them: the sandbox clock is frozen and moved on by the test,
// and every change is observed through the API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { client, exampleId, inDays, NOW, post, raw, start, TODAY } from './helpers/sandbox.js';
import { budget } from './helpers/budget.js';

let sandbox: RunningSandbox;
let pa: ReturnType<typeof client>;
beforeEach(async () => {
  sandbox = await start();
  pa = client(sandbox);
});
afterEach(() => sandbox.close());

const sarah = exampleId('IdentitySarahChen');
const jackHenry = exampleId('ApplicationJackHenrySymitar');

async function requestsFor(identityId: string, after: number) {
  return (await pa.accessRequests.listCollect({ identityId })).filter((r) => r.number > after);
}

async function lastRequestNumber() {
  return (await pa.accessRequests.list()).items[0]!.number;
}

describe('personnel events', () => {
  it('onboard -> approve -> the identity appears, gets its accounts, and the event completes', async () => {
    const before = await lastRequestNumber();
    const event = await pa.personnelEvents.createOnboard({
      identity: { firstName: 'Ann', lastName: 'Lee', department: 'Consumer Lending', email: 'alee@firstbankofvalkyrie.com', supervisorId: exampleId('IdentityRobertMartinez') },
      effectiveDate: TODAY,
      comment: 'HRIS hire 4711',
    });
    expect(event).toMatchObject({ status: 'Pending', affectedIdentity: null });
    const approved = (await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`)).body;
    expect(approved.status).toBe('Open');
    expect(approved.affectedIdentity).toMatchObject({ firstName: 'Ann', lastName: 'Lee', emailAddress: 'alee@firstbankofvalkyrie.com', status: 'Active', type: 'Employee', supervisorName: 'Martinez, Robert', createdDate: NOW });

    const identities = [];
    for await (const identity of pa.identities.listAll()) identities.push(identity);
    expect(identities.find((i) => i.id === approved.affectedIdentity.id)).toEqual(approved.affectedIdentity);

    const adds = await requestsFor(approved.affectedIdentity.id, before);
    expect(adds.length).toBeGreaterThan(0);
    expect(adds.every((r) => r.action === 'Add' && r.status === 'Open' && r.approvedOn === NOW && r.reporter.name === 'Permission Assist')).toBe(true);

    sandbox.clock.advance({ minutes: 5 });
    expect((await requestsFor(approved.affectedIdentity.id, before)).every((r) => r.status === 'Completed' && r.completedOn !== null)).toBe(true);
    const done = await pa.personnelEvents.get(event.id);
    expect(done.status).toBe('Completed');
    expect(done.completedOn).not.toBeNull();
  });

  it('an event effective later is Scheduled until that day, then Pending, then approved by the sandbox on its own', async () => {
    const event = await pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: inDays(3) });
    expect(event.status).toBe('Scheduled');
    sandbox.clock.advanceTo(`${inDays(3)}T00:00:00Z`);
    expect((await pa.personnelEvents.get(event.id)).status).toBe('Pending');
    sandbox.clock.advance({ seconds: 30 });
    expect((await pa.personnelEvents.get(event.id)).status).toBe('Open');
  });

  it('offboard disables the identity and removes each of its accounts', async () => {
    const before = await lastRequestNumber();
    const event = await pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: TODAY });
    await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    const identity = await pa.identities.get(sarah);
    expect(identity).toMatchObject({ status: 'Disabled', inactivatedDate: NOW });
    const removals = await requestsFor(sarah, before);
    expect(removals.length).toBeGreaterThan(0);
    expect(removals.every((r) => r.action === 'Remove' && r.target.type === 'User' && r.target.name === 'schen')).toBe(true);
    sandbox.clock.advance({ minutes: 5 });
    expect((await pa.personnelEvents.get(event.id)).status).toBe('Completed');
  });

  it('a leave suspends every account and restores them on the end date', async () => {
    const before = await lastRequestNumber();
    const event = await pa.personnelEvents.createLeaveOfAbsence({ identityId: sarah, effectiveDate: TODAY, endDate: inDays(14) });
    await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    const requests = await requestsFor(sarah, before);
    const suspends = requests.filter((r) => r.action === 'Suspend');
    const restores = requests.filter((r) => r.action === 'Restore');
    expect(suspends.length).toBeGreaterThan(0);
    expect(restores).toHaveLength(suspends.length);
    expect(restores.every((r) => r.status === 'Scheduled' && r.scheduledStart === `${inDays(14)}T00:00:00Z`)).toBe(true);
    sandbox.clock.advance({ minutes: 5 });
    expect((await pa.personnelEvents.get(event.id)).status).toBe('Scheduled');
    sandbox.clock.advanceTo(`${inDays(14)}T00:10:00Z`);
    expect((await requestsFor(sarah, before)).every((r) => r.status === 'Completed')).toBe(true);
    expect((await pa.personnelEvents.get(event.id)).status).toBe('Completed');
  });

  it('a leave without an end date snoozes its restores', async () => {
    const before = await lastRequestNumber();
    const event = await pa.personnelEvents.createLeaveOfAbsence({ identityId: sarah, effectiveDate: TODAY });
    expect(event.neededUntil).toBeNull();
    await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    sandbox.clock.advance({ days: 30 });
    const restores = (await requestsFor(sarah, before)).filter((r) => r.action === 'Restore');
    expect(restores.length).toBeGreaterThan(0);
    expect(restores.every((r) => r.status === 'Snoozed')).toBe(true);
    expect((await pa.personnelEvents.get(event.id)).status).toBe('Snoozed');
    // The status filter matches case-insensitively, as the vendor documents; the client's type names
    // only the canonical spellings.
    expect((await pa.personnelEvents.list({ status: 'snoozed' as 'Snoozed', identityId: sarah })).items.map((e) => e.id)).toContain(event.id);
  });

  it('a role transition updates only the attributes sent', async () => {
    const before = await pa.identities.get(sarah);
    const event = await pa.personnelEvents.createRoleTransition({ identityId: sarah, effectiveDate: TODAY, identity: { title: 'Branch Manager', office: 'Uptown Branch' } });
    await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    const after = await pa.identities.get(sarah);
    expect(after).toEqual({ ...before, title: 'Branch Manager', office: 'Uptown Branch', updatedDate: NOW });
  });

  it('approving an event that is not Pending is a 409 that says what to do', async () => {
    const event = await pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: inDays(2) });
    const { status, body } = await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    expect(status).toBe(409);
    expect(body.message).toBe(`Personnel event ${event.number} is Scheduled, not Pending; advance the clock to its effective date (${inDays(2)}) first`);
  });
});

describe('application imports', () => {
  it('stage -> Running -> Finished, with files, log and metrics, and the application updated', async () => {
    const staged = await pa.applicationImports.stage({ applicationId: jackHenry });
    sandbox.clock.advance({ seconds: 1 });
    const running = await pa.applicationImports.get(staged.id);
    expect(running).toMatchObject({ status: 'Running', buildEnd: null, metrics: null });
    expect(running.files?.length).toBeGreaterThan(0);
    sandbox.clock.advance({ seconds: 4 });
    const finished = await pa.applicationImports.get(staged.id);
    expect(finished).toMatchObject({ status: 'Finished', log: expect.stringContaining('Import finished without errors') });
    expect(finished.metrics).toMatchObject({ rowsRead: expect.any(Number) });
    expect((await pa.applications.get(jackHenry)).lastUpdated).toBe(finished.buildEnd);
    expect((await pa.applicationImports.list({ applicationId: jackHenry })).items[0]!.id).toBe(staged.id);
  });

  it('imports are built one at a time, in the order they were queued', async () => {
    const first = await pa.applicationImports.stage({ applicationId: jackHenry });
    const second = await pa.applicationImports.stage({ applicationId: jackHenry });
    sandbox.clock.advance({ seconds: 1 });
    expect((await pa.applicationImports.get(first.id)).status).toBe('Running');
    expect((await pa.applicationImports.get(second.id)).status).toBe('Pending');
    sandbox.clock.advance({ seconds: 5 });
    expect((await pa.applicationImports.get(first.id)).status).toBe('Finished');
    expect((await pa.applicationImports.get(second.id)).status).toBe('Running');
  });

  it('cancel -> Canceling -> Canceled, for a Running import too', async () => {
    const staged = await pa.applicationImports.stage({ applicationId: jackHenry });
    sandbox.clock.advance({ seconds: 1 });
    expect((await pa.applicationImports.cancel({ applicationImportId: staged.id })).status).toBe('Canceling');
    sandbox.clock.advance({ seconds: 1 });
    const canceled = await pa.applicationImports.get(staged.id);
    expect(canceled).toMatchObject({ status: 'Canceled', metrics: null });
    expect(canceled.buildEnd).not.toBeNull();
  });

  it('a staged import whose files are missing, and an upload without data rows, end Failed with the reason in the log', async () => {
    const connectors = (await raw(sandbox, '/sandbox/connectors')).body.items;
    const missing = connectors.find((c: any) => c.importSchedule && !c.importSchedule.filesPresent && !c.application.isArchived);
    const staged = await pa.applicationImports.stage({ applicationId: missing.application.id });
    const uploaded = await pa.applicationImports.upload({ applicationId: jackHenry, files: { 'a1b2c3d4-0000-0000-0000-000000000001': { data: new Blob(['id,name\n']), filename: 'employees.csv' } } });
    sandbox.clock.advance({ seconds: 20 });
    expect(await pa.applicationImports.get(staged.id)).toMatchObject({ status: 'Failed', metrics: null, log: expect.stringContaining('no data file found in') });
    expect(await pa.applicationImports.get(uploaded.id)).toMatchObject({ status: 'Failed', log: expect.stringContaining('employees.csv has a header but no data rows') });
  });
});

describe('the clock', () => {
  it('runs in real time unless frozen: a queued import starts without the test moving the clock', async () => {
    const live = await start({ frozen: false, now: undefined });
    try {
      const pl = client(live);
      const staged = await pl.applicationImports.stage({ applicationId: jackHenry });
      // Waits for the queue step (1 s of real time) however slowly this machine runs, then checks
      // it moved on by itself (a slow machine may already see the build finished).
      const status = () => pl.applicationImports.get(staged.id).then((i) => i.status);
      await expect.poll(status, { timeout: budget(10_000) }).not.toBe('Pending');
      expect(['Running', 'Finished']).toContain(await status());
    } finally {
      await live.close();
    }
  });

  it('advancing runs the steps on the way in order and says how many ran', async () => {
    await pa.applicationImports.stage({ applicationId: jackHenry });
    const { body } = await post(sandbox, '/sandbox/clock/advance', { seconds: 10 });
    expect(body).toEqual({ clock: { now: '2026-11-24T09:00:10Z', today: TODAY, frozen: true }, steps: 2 });
  });
});
