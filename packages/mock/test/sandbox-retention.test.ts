// A long-running sandbox stays bounded: it keeps the newest RETENTION personnel events and imports
// created through the API and drops the oldest, an event with its access requests and the identity
// its onboarding created. The seeded data set is never dropped, and nothing left refers to a
// dropped record in a way that breaks a read or a workflow step.
import { describe, expect, it } from 'vitest';
import { renderEvent, renderRequest } from '../src/sandbox/render.js';
import { RETENTION } from '../src/sandbox/retention.js';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { loadSpecs } from '../src/specs.js';
import { NOW, TODAY } from './helpers/sandbox.js';

describe('retention of records created through the API', () => {
  it('keeps the newest personnel events (with their requests and identities) and drops the oldest', () => {
    const sandbox = new Sandbox(loadSpecs().api, { seed: 1, size: 'small', now: Date.parse(NOW), frozen: true });
    const seeded = { events: sandbox.store.events.size, identities: sandbox.store.identities.size };
    const reporter = sandbox.store.actors.apiToken;
    const now = () => sandbox.clock.now();
    const ids: string[] = [];
    const extra = 40;
    for (let i = 0; i < RETENTION.personnelEvents + extra; i += 1) {
      const input = { type: 'Onboard' as const, identityId: null, details: { firstName: 'Load', lastName: `Test${i}` }, effectiveDay: TODAY, endDay: null, comment: null, reporter, pace: 'fast' as const };
      ids.push(sandbox.createEvent(input, now()).event.id);
      // Let the first ones be approved, so they have an identity and access requests to drop with them.
      if (i === 10) sandbox.advanceTo(now() + 60_000);
    }
    sandbox.advanceTo(now() + 3_600_000);

    const { store } = sandbox;
    expect(store.events.size).toBe(seeded.events + RETENTION.personnelEvents);
    expect(ids.slice(0, extra).every((id) => !store.events.has(id))).toBe(true);
    expect(ids.slice(extra).every((id) => store.events.has(id))).toBe(true);
    // The first ones' identities and requests went with them: no request points at a dropped event.
    const eventIds = new Set(store.events.keys());
    expect([...store.requests.values()].every((r) => r.eventId === null || eventIds.has(r.eventId))).toBe(true);
    expect([...store.identities.values()].some((r) => r.identity.lastName === 'Test0')).toBe(false);
    expect([...store.identities.values()].some((r) => r.identity.lastName === `Test${extra}`)).toBe(true);
    expect(store.identities.size).toBeLessThanOrEqual(seeded.identities + RETENTION.personnelEvents);
    // Everything left still renders.
    for (const record of store.events.values()) renderEvent(store, record);
    for (const record of store.requests.values()) renderRequest(store, record);
    // Steps of dropped records do not pile up either.
    expect(sandbox.engine.pendingCount()).toBeLessThanOrEqual(4 * (store.events.size + store.requests.size + store.imports.size));
  });
});

describe('list order kept on write', () => {
  it('a list read between writes is the same as one sorted from scratch', () => {
    const sandbox = new Sandbox(loadSpecs().api, { seed: 2, size: 'small', now: Date.parse(NOW), frozen: true });
    const { store } = sandbox;
    const reporter = store.actors.apiToken;
    const kinds = ['identities', 'applications', 'imports', 'events', 'requests'] as const;
    const ids = (list: Iterable<unknown>) => [...list].map((r) => JSON.stringify(r)).join('\n');
    const fresh = (kind: (typeof kinds)[number]) => {
      const kept = ids(store.ordered(kind));
      store.reorder(kind);
      return [kept, ids(store.ordered(kind))];
    };
    for (let i = 0; i < 60; i += 1) {
      for (const kind of kinds) store.ordered(kind);
      const day = `2026-12-${String(1 + (i % 27)).padStart(2, '0')}`;
      sandbox.createEvent({ type: 'Onboard', identityId: null, details: { firstName: 'Order', lastName: `Z${59 - i}` }, effectiveDay: i % 3 ? TODAY : day, endDay: null, comment: null, reporter, pace: 'fast' }, sandbox.clock.now());
      if (i % 10 === 0) sandbox.advanceTo(sandbox.clock.now() + 120_000);
      for (const kind of kinds) {
        const [kept, sorted] = fresh(kind);
        expect(kept, `${kind} after write ${i}`).toBe(sorted);
      }
    }
  });
});
