// The seeded data set: the same seed gives the same data, sizes meet their minimums, and every
// record, read through the API like a client would, is valid against the spec (undocumented fields
// rejected) and consistent with every other record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, formatErrors } from '@permission-assist/spec-kit';
import type { AccessRequest, Application, ApplicationImport, Identity, PersonnelEvent } from '@permission-assist/client';
import type { RunningSandbox } from '../src/index.js';
import { exampleId, spec, NOW, raw, start } from './helpers/sandbox.js';
import { budget } from './helpers/budget.js';

const sealed = createValidator(spec, { sealed: true });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every item of a list, page by page, checking the envelope on the way. */
async function everything<Item>(sandbox: RunningSandbox, path: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1, totalPages = 1; page <= totalPages; page += 1) {
    const { status, body } = await raw(sandbox, `${path}?page=${page}`);
    expect(status).toBe(200);
    expect(body.items.length).toBe(page < body.totalPages ? 50 : body.totalCount - 50 * (body.totalPages - 1));
    totalPages = body.totalPages;
    items.push(...body.items);
  }
  return items;
}

describe('seeded data set', () => {
  let medium: RunningSandbox;
  let data: { identities: Identity[]; applications: Application[]; imports: ApplicationImport[]; events: PersonnelEvent[]; requests: AccessRequest[] };

  beforeAll(async () => {
    medium = await start({ size: 'medium' });
    data = {
      identities: await everything<Identity>(medium, '/api/identities'),
      applications: await everything<Application>(medium, '/api/applications'),
      imports: await everything<ApplicationImport>(medium, '/api/application-imports'),
      events: await everything<PersonnelEvent>(medium, '/api/personnel-events'),
      requests: await everything<AccessRequest>(medium, '/api/access-requests'),
    };
  });
  afterAll(() => medium.close());

  it('medium has at least 1,200 identities, 40 applications, 3,000 access requests, 400 events and 150 imports', () => {
    expect(data.identities.length).toBeGreaterThanOrEqual(1200);
    expect(data.applications.length).toBeGreaterThanOrEqual(40);
    expect(data.requests.length).toBeGreaterThanOrEqual(3000);
    expect(data.events.length).toBeGreaterThanOrEqual(400);
    expect(data.imports.length).toBeGreaterThanOrEqual(150);
  });

  it('every record, as listed and as fetched by id, is valid against the sealed spec', async () => {
    const kinds: [keyof typeof data, string, string][] = [
      ['identities', 'Identity', '/api/identities/'],
      ['applications', 'Application', '/api/applications/'],
      ['imports', 'ApplicationImport', '/api/application-imports/'],
      ['events', 'PersonnelEvent', '/api/personnel-events/'],
      ['requests', 'AccessRequest', '/api/access-requests/'],
    ];
    const problems: string[] = [];
    for (const [list, schema, path] of kinds) {
      for (const item of data[list]) {
        problems.push(...formatErrors(sealed.validate(ref(schema), item)).map((p) => `${schema} ${item.id} (listed): ${p}`));
        const { status, body } = await raw(medium, `${path}${item.id}`);
        if (status !== 200) problems.push(`${path}${item.id}: ${status}`);
        problems.push(...formatErrors(sealed.validate(ref(schema), body)).map((p) => `${schema} ${item.id}: ${p}`));
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, budget(120_000));

  it('includes the spec example data set under its own ids', () => {
    const ids = (list: keyof typeof data) => new Set(data[list].map((item) => item.id));
    expect(ids('identities').has(exampleId('IdentitySarahChen'))).toBe(true);
    expect(ids('applications').has(exampleId('ApplicationJackHenrySymitar'))).toBe(true);
    expect(ids('events').has(exampleId('PersonnelEventOffboard'))).toBe(true);
    expect(ids('imports').has(exampleId('ImportJackHenryFinished'))).toBe(true);
    expect(ids('requests').has(exampleId('AccessRequestRemoveUser'))).toBe(true);
    const sarah = data.identities.find((i) => i.id === exampleId('IdentitySarahChen'));
    expect(sarah).toMatchObject({ firstName: 'Sarah', lastName: 'Chen', supervisorName: 'Martinez, Robert' });
  });

  it('records refer only to records that exist, and embed them as they are', () => {
    const identities = new Map(data.identities.map((i) => [i.id, i]));
    const applications = new Map(data.applications.map((a) => [a.id, a]));
    for (const request of data.requests) {
      expect(applications.get(request.target.application.id)).toEqual(request.target.application);
      if (request.target.affectedIdentity) expect(identities.get(request.target.affectedIdentity.id)).toEqual(request.target.affectedIdentity);
    }
    for (const event of data.events) if (event.affectedIdentity) expect(identities.get(event.affectedIdentity.id)).toEqual(event.affectedIdentity);
    // The spec leaves an import's application optional; the sandbox always embeds it.
    for (const imported of data.imports) expect(applications.get(imported.application?.id ?? 'missing'), imported.id).toEqual(imported.application);
    const names = new Set(data.identities.map((i) => `${i.lastName}, ${i.firstName}`));
    const supervisors = data.identities.flatMap((i) => (i.supervisorName ? [i.supervisorName] : []));
    expect(supervisors.filter((name) => !names.has(name))).toEqual([]);
  });

  it('statuses agree with their timestamps', () => {
    for (const r of data.requests) {
      const at = `${r.number} ${r.status}`;
      if (r.status === 'Completed') expect([r.approvedOn, r.startedOn, r.resolvedOn, r.verifiedOn, r.completedOn].every(Boolean), at).toBe(true);
      if (r.status === 'Canceled') expect(r.canceledOn, at).not.toBeNull();
      if (r.status === 'Open') expect([r.startedOn !== null, r.resolvedOn === null, r.completedOn === null], at).toEqual([true, true, true]);
      if (r.status === 'Pending') expect([r.approvedOn, r.startedOn], at).toEqual([null, null]);
      if (r.status === 'Scheduled') expect(r.scheduledStart !== null && r.scheduledStart > NOW, at).toBe(true);
      if (r.target.type === 'Group') expect(r.target.nomenclature, at).toMatch(/^CN=/);
    }
    for (const e of data.events) {
      expect(e.completedOn !== null, `${e.number} ${e.status}`).toBe(e.status === 'Completed');
      if (e.status === 'Scheduled') expect(e.neededOn > NOW || (e.neededUntil !== null && e.neededUntil > NOW), `${e.number}`).toBe(true);
      if (e.type === 'Offboard') expect(e.neededUntil).toBeNull();
    }
    for (const i of data.imports) {
      if (i.status === 'Finished' || i.status === 'Failed') expect([i.buildStart !== null, i.buildEnd !== null], `${i.number}`).toEqual([true, true]);
      if (i.status === 'Pending') expect(i.buildStart).toBeNull();
      if (i.status === 'Running') expect([i.buildStart !== null, i.buildEnd], `${i.number}`).toEqual([true, null]);
    }
    expect(data.imports.filter((i) => i.status === 'Running').length).toBeLessThanOrEqual(1);
    for (const i of data.identities) expect(i.inactivatedDate === null, `${i.id} ${i.status}`).toBe(i.status === 'Active');
  });

  it('has a realistic mix of open and finished work at "now"', () => {
    const statuses = (list: { status: string }[]) => new Set(list.map((x) => x.status));
    expect([...statuses(data.requests)].sort()).toEqual(['Canceled', 'Completed', 'Open', 'Pending', 'Resolved', 'Scheduled', 'Snoozed']);
    for (const status of ['Completed', 'Open', 'Pending', 'Scheduled', 'Snoozed']) expect(statuses(data.events).has(status), status).toBe(true);
    expect(statuses(data.imports).has('Failed')).toBe(true);
    expect(new Set(data.identities.map((i) => i.type)).size).toBeGreaterThanOrEqual(8);
  });

  it('numbers are unique and follow creation order', () => {
    for (const list of ['events', 'imports', 'requests'] as const) {
      const numbers = data[list].map((x) => x.number);
      expect(new Set(numbers).size, list).toBe(numbers.length);
    }
    const requestNumbers = data.requests.map((r) => r.number);
    expect(requestNumbers).toEqual([...requestNumbers].sort((a, b) => b - a));
  });
});

describe('determinism', () => {
  it('the same seed and clock give the same data set; another seed gives another', async () => {
    const [a, b, c] = await Promise.all([start({ seed: 7 }), start({ seed: 7 }), start({ seed: 8 })]);
    try {
      const state = async (s: RunningSandbox) => (await raw(s, '/sandbox/state')).body;
      const [sa, sb, sc] = await Promise.all([state(a), state(b), state(c)]);
      expect(sa).toEqual(sb);
      expect(sa.identities.map((r: any) => r.identity.id)).not.toEqual(sc.identities.map((r: any) => r.identity.id));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
