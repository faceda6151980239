// Reads through the typed client, as an integration makes them: every documented filter (ignoring
// case where the vendor says so), each list's fixed order, a consistent envelope on every page,
// and 404 for unknown ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '@permission-assist/client';
import type { RunningSandbox } from '../src/index.js';
import { client, exampleId, raw, start } from './helpers/sandbox.js';

let sandbox: RunningSandbox;
let pa: ReturnType<typeof client>;
beforeAll(async () => {
  sandbox = await start({ size: 'medium' });
  pa = client(sandbox);
});
afterAll(() => sandbox.close());

const collator = new Intl.Collator('en', { sensitivity: 'base' });

describe('paging', () => {
  it('listCollect returns each access request once, as many as totalCount says', async () => {
    const first = await pa.accessRequests.list();
    const all = await pa.accessRequests.listCollect({}, { concurrency: 4 });
    expect(all).toHaveLength(first.totalCount);
    expect(new Set(all.map((r) => r.id)).size).toBe(first.totalCount);
    expect(first.totalPages).toBe(Math.ceil(first.totalCount / 50));
  });

  it('every page has the same totals, page 2 follows page 1, and a page past the end is empty', async () => {
    const [one, two] = await Promise.all([pa.identities.list({ page: 1 }), pa.identities.list({ page: 2 })]);
    expect(two).toMatchObject({ page: 2, pageSize: 50, totalCount: one.totalCount, totalPages: one.totalPages });
    expect(two.items.map((i) => i.id).some((id) => one.items.some((i) => i.id === id))).toBe(false);
    const past = await pa.identities.list({ page: one.totalPages + 1 });
    expect(past).toEqual({ items: [], totalCount: one.totalCount, page: one.totalPages + 1, pageSize: 50, totalPages: one.totalPages });
  });

  it('an empty result has totalPages 0', async () => {
    const none = await pa.accessRequests.list({ identityId: '00000000-0000-4000-8000-000000000000' });
    expect(none).toEqual({ items: [], totalCount: 0, page: 1, pageSize: 50, totalPages: 0 });
  });

  it('a page below 1 is a 400 naming page', async () => {
    const error = await pa.identities.list({ page: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ field: 'page', message: 'Page must be 1 or greater' }]);
  });
});

describe('orders', () => {
  it('identities by last name, then first name, ascending', async () => {
    const all = await pa.identities.listCollect();
    for (let i = 1; i < all.length; i += 1) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName), `${a.lastName} before ${b.lastName}`).toBeLessThanOrEqual(0);
    }
  });

  it('personnel events by effective date, latest first', async () => {
    const neededOn = (await pa.personnelEvents.listCollect()).map((e) => e.neededOn);
    expect(neededOn).toEqual([...neededOn].sort().reverse());
  });

  it('imports by build start, latest first, imports not built yet first', async () => {
    const starts = (await pa.applicationImports.listCollect()).map((i) => i.buildStart);
    const built = starts.filter((s): s is string => s !== null);
    expect(starts.slice(0, starts.length - built.length).every((s) => s === null)).toBe(true);
    expect(built).toEqual([...built].sort().reverse());
  });

  it('access requests newest first (by creation, so by number)', async () => {
    const numbers = (await pa.accessRequests.list()).items.map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });
});

describe('filters', () => {
  it('access requests by status and action, ignoring case', async () => {
    const open = await pa.accessRequests.listCollect({ status: 'Open', type: 'Remove' });
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.status === 'Open' && r.action === 'Remove')).toBe(true);
    const lower = await raw(sandbox, '/api/access-requests?status=open&type=REMOVE');
    expect(lower.body.totalCount).toBe(open.length);
  });

  it('access requests by identity and by application', async () => {
    const rachel = exampleId('IdentityRachelJohnson');
    const jackHenry = exampleId('ApplicationJackHenrySymitar');
    const byIdentity = await pa.accessRequests.listCollect({ identityId: rachel });
    expect(byIdentity.length).toBeGreaterThan(0);
    expect(byIdentity.every((r) => r.target.affectedIdentity?.id === rachel)).toBe(true);
    const byApplication = await pa.accessRequests.listCollect({ applicationId: jackHenry });
    expect(byApplication.every((r) => r.target.application.id === jackHenry)).toBe(true);
  });

  it('personnel events by type, in either spelling, any case, and by status', async () => {
    const transitions = await pa.personnelEvents.listCollect({ type: 'RoleTransition' });
    expect(transitions.length).toBeGreaterThan(0);
    expect(transitions.every((e) => e.type === 'Role Transition')).toBe(true);
    for (const spelling of ['Role%20Transition', 'roletransition', '%20ROLE%20transition%20']) {
      expect((await raw(sandbox, `/api/personnel-events?type=${spelling}`)).body.totalCount, spelling).toBe(transitions.length);
    }
    const scheduled = await pa.personnelEvents.listCollect({ status: 'Scheduled' });
    expect(scheduled.every((e) => e.status === 'Scheduled')).toBe(true);
  });

  it('personnel events by identity', async () => {
    const rachel = exampleId('IdentityRachelJohnson');
    const events = await pa.personnelEvents.listCollect({ identityId: rachel });
    expect(events.map((e) => e.id)).toContain(exampleId('PersonnelEventOffboard'));
    expect(events.every((e) => e.affectedIdentity?.id === rachel)).toBe(true);
  });

  it('application imports by application', async () => {
    const jackHenry = exampleId('ApplicationJackHenrySymitar');
    const imports = await pa.applicationImports.listCollect({ applicationId: jackHenry });
    expect(imports.map((i) => i.number)).toEqual(expect.arrayContaining([47, 48, 49]));
    expect(imports.every((i) => i.application?.id === jackHenry)).toBe(true);
  });

  it('an unknown filter value is a 400 listing the accepted values', async () => {
    const { status, body } = await raw(sandbox, '/api/personnel-events?status=Approved&type=Hire');
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { field: 'type', message: 'Type must be one of Onboard, Offboard, RoleTransition, Absence (case is ignored)' },
      { field: 'status', message: 'Status must be one of Pending, Open, Resolved, Completed, Canceled, Scheduled, Snoozed (case is ignored)' },
    ]);
  });
});

describe('gets', () => {
  it.each([
    ['identities', 'Identity'],
    ['personnelEvents', 'Personnel event'],
    ['applicationImports', 'Application import'],
    ['applications', 'Application'],
    ['accessRequests', 'Access request'],
  ] as const)('%s.get of an unknown id is a 404 in the vendor wording', async (resource, kind) => {
    const id = '9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e';
    const error = await (pa[resource] as { get(id: string): Promise<unknown> }).get(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain(`${kind} with id ${id} not found`);
  });

  it('ids are matched without regard to case', async () => {
    const sarah = await pa.identities.get(exampleId('IdentitySarahChen').toUpperCase());
    expect(sarah.firstName).toBe('Sarah');
  });

  it('a malformed id is a 400 naming id', async () => {
    const { status, body } = await raw(sandbox, '/api/identities/not-a-guid');
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'id', message: 'Id must be a GUID' }]);
  });

  it('list items of imports are the reduced shape; a get has the files, log and metrics', async () => {
    const listed = (await pa.applicationImports.list()).items[0]!;
    expect(Object.keys(listed)).toEqual(['id', 'kind', 'number', 'type', 'status', 'buildStart', 'buildEnd', 'application']);
    const full = await pa.applicationImports.get(listed.id);
    expect(Object.keys(full)).toEqual(['id', 'kind', 'number', 'type', 'status', 'createdBy', 'buildStart', 'buildEnd', 'log', 'files', 'metrics', 'application']);
  });
});
