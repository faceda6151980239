// A list's filtered views are kept up to date on write (store.ts, ordered-index.ts): once a filter
// has been read, a write and the next read of that filter touch only the records the write changed
// (and the few a binary search passes), never every record; and what they answer stays what
// filtering every record would, after creates, status changes, identity changes and retention drops.
import { describe, expect, it } from 'vitest';
import { readHandlers } from '../src/sandbox/api/reads.js';
import type { Call, Handlers } from '../src/sandbox/api/types.js';
import type { AccessRequestRecord, EventRecord } from '../src/sandbox/model.js';
import { RETENTION } from '../src/sandbox/retention.js';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { loadSpecs } from '../src/specs.js';
import { NOW, TODAY } from './helpers/sandbox.js';

/** Puts a proxy in place of every record of a table, noting the id of each record whose fields anything reads. */
function countVisits<R extends object>(table: Map<string, R>): Set<string> {
  const visited = new Set<string>();
  for (const [id, record] of table) {
    table.set(id, new Proxy(record, { get: (target, key) => (visited.add(id), Reflect.get(target, key)) }));
  }
  return visited;
}

interface Page {
  items: { id: string }[];
  totalCount: number;
  totalPages: number;
}

/** Every id a filtered list answers, page by page, and its total. */
function readAll(handlers: Handlers, operation: string, query: string): { ids: string[]; totalCount: number } {
  const read = (page: number) => {
    const reply = handlers[operation]!({ query: new URLSearchParams(`${query}&page=${page}`) } as Call) as { body: string };
    return JSON.parse(reply.body) as Page;
  };
  const first = read(1);
  const ids = first.items.map((item) => item.id);
  for (let page = 2; page <= first.totalPages; page += 1) ids.push(...read(page).items.map((item) => item.id));
  return { ids, totalCount: first.totalCount };
}

const byCreated = (a: AccessRequestRecord, b: AccessRequestRecord) => b.createdAt - a.createdAt || b.request.number - a.request.number;
const byNeededOn = (a: EventRecord, b: EventRecord) => (a.event.neededOn < b.event.neededOn ? 1 : a.event.neededOn > b.event.neededOn ? -1 : b.event.number - a.event.number);

describe('filtered lists kept up to date on write', () => {
  it('a write and the next filtered reads visit few records, and every filter answers what filtering all records would', () => {
    const sandbox = new Sandbox(loadSpecs().api, { seed: 1, size: 'medium', now: Date.parse(NOW), frozen: true });
    const { store } = sandbox;
    const handlers = readHandlers(sandbox);
    const someone = [...store.identities.values()].find((r) => r.identity.status === 'Active' && r.accounts.length > 1)!;
    const application = [...store.applications.values()][3]!.application.id;
    const id = someone.identity.id;
    // Each filter as a client sends it, as the store's filtered list takes it (FILTERS order), and as a predicate.
    const queries: [string, string, (string | null)[], (r: any) => boolean][] = [
      ['listAccessRequests', 'status=open', [null, null, 'open', null], (r: AccessRequestRecord) => r.request.status === 'Open'],
      ['listAccessRequests', 'status=Completed&type=add', [null, null, 'completed', 'add'], (r: AccessRequestRecord) => r.request.status === 'Completed' && r.request.action === 'Add'],
      ['listAccessRequests', `applicationId=${application}`, [null, application, null, null], (r: AccessRequestRecord) => r.target.applicationId === application],
      ['listAccessRequests', `identityId=${id.toUpperCase()}&type=Remove`, [id, null, null, 'remove'], (r: AccessRequestRecord) => r.target.identityId === id && r.request.action === 'Remove'],
      ['listAccessRequests', 'type=', [], () => true],
      ['listPersonnelEvents', 'status=pending', [null, null, 'pending'], (r: EventRecord) => r.event.status === 'Pending'],
      ['listPersonnelEvents', 'type=onboard&status=completed', [null, 'onboard', 'completed'], (r: EventRecord) => r.event.type === 'Onboard' && r.event.status === 'Completed'],
      ['listPersonnelEvents', 'type=RoleTransition', [null, 'roletransition', null], (r: EventRecord) => r.event.type === 'Role Transition'],
      ['listPersonnelEvents', `identityId=${id}`, [id, null, null], (r: EventRecord) => r.identityId === id],
    ];
    const readEvery = () => queries.map(([operation, query]) => readAll(handlers, operation, query));
    // A client polling its filters' counts and first items: the filtered lists themselves, without
    // rendering pages (which reads the records on them, however the lists are kept).
    const pollEvery = () => {
      for (const [operation, , values] of queries) {
        const list = operation === 'listAccessRequests' ? store.filtered('requests', values) : store.filtered('events', values);
        expect(list.length).toBeGreaterThanOrEqual(0);
      }
    };

    const visits = { requests: countVisits(store.requests), events: countVisits(store.events) };
    const before = { requests: store.requests.size, events: store.events.size };
    readEvery();
    // The first read of each filter builds its view: it walks every record (this is what the count sees).
    expect(visits.requests.size).toBe(before.requests);
    expect(visits.events.size).toBe(before.events);

    const reporter = store.actors.apiToken;
    const now = () => sandbox.clock.now();
    // The most records any one write and the polling after it visited.
    const most = { requests: 0, events: 0 };
    const write = (change: () => unknown) => {
      visits.requests.clear();
      visits.events.clear();
      change();
      pollEvery();
      most.requests = Math.max(most.requests, visits.requests.size);
      most.events = Math.max(most.events, visits.events.size);
    };
    for (let i = 0; i < 20; i += 1) {
      const details = { firstName: 'Filter', lastName: `Test${i}`, department: someone.identity.department ?? 'Finance' };
      write(() => sandbox.createEvent({ type: 'Onboard', identityId: null, details, effectiveDay: TODAY, endDay: null, comment: null, reporter, pace: 'fast' }, now()));
      write(() => sandbox.advanceTo(now() + 10_000));
    }
    write(() => sandbox.createEvent({ type: 'Offboard', identityId: id, details: null, effectiveDay: TODAY, endDay: null, comment: null, reporter, pace: 'fast' }, now()));
    // Approvals (identities and access requests created), provisioning, completion: status changes on the way.
    for (let step = 1; step <= 120; step += 1) write(() => sandbox.advanceTo(now() + 10_000));
    expect(store.requests.size).toBeGreaterThan(before.requests + 20);
    // What a write visits is what it changed and the records its binary searches passed (a dozen
    // per view of a changed record): a small part of all. Filtering anew would visit every one.
    expect(most.requests).toBeLessThan(before.requests / 10);
    expect(most.events).toBeLessThan(before.events / 10);

    // Retention drops the oldest records created through the API (and their requests and identities).
    for (let i = 0; i < RETENTION.personnelEvents; i += 1) {
      sandbox.createEvent({ type: 'Onboard', identityId: null, details: { firstName: 'Retained', lastName: `Test${i}` }, effectiveDay: TODAY, endDay: null, comment: null, reporter, pace: 'fast' }, now());
    }
    sandbox.advanceTo(now() + 3_600_000);
    expect(store.events.size).toBe(before.events + RETENTION.personnelEvents);

    const answers = readEvery();
    queries.forEach(([operation, query, , keep], i) => {
      const expected =
        operation === 'listAccessRequests' ? [...store.requests.values()].filter(keep).sort(byCreated).map((r) => r.request.id) : [...store.events.values()].filter(keep).sort(byNeededOn).map((r) => r.event.id);
      expect({ query, ids: answers[i]!.ids, totalCount: answers[i]!.totalCount }).toEqual({ query, ids: expected, totalCount: expected.length });
    });
    // The lists changed in every way: new and dropped records, and records that moved between filters.
    expect(answers[5]!.ids.length + answers[0]!.ids.length).toBeGreaterThan(0);
  });
});
