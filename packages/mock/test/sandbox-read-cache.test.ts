// Reads are served from answers built once per state version: the same page read many times is
// serialised once, and any change (a write, a workflow step on the clock, a reset) shows at once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { client, exampleId, post, raw, start, TODAY } from './helpers/sandbox.js';

describe('read answers per state version', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start();
  });
  afterAll(() => sandbox.close());

  it('serialises a list page once, however often it is read', async () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const bodies = new Set<string>();
      for (let i = 0; i < 20; i += 1) bodies.add((await raw(sandbox, '/api/access-requests?status=completed&page=2')).body.items.map((r: any) => r.id).join());
      const pages = stringify.mock.calls.filter(([value]) => value && typeof value === 'object' && 'totalCount' in (value as object));
      expect(bodies.size).toBe(1);
      expect([...bodies][0]).not.toBe('');
      expect(pages).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('shows a write, a workflow step and a reset at once', async () => {
    const sarah = exampleId('IdentitySarahChen');
    const before = (await raw(sandbox, `/api/personnel-events?identityId=${sarah}`)).body;
    const created = await client(sandbox).personnelEvents.createOffboard({ identityId: sarah, effectiveDate: TODAY });
    const after = (await raw(sandbox, `/api/personnel-events?identityId=${sarah}`)).body;
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect((await raw(sandbox, `/api/personnel-events/${created.id}`)).body.status).toBe('Pending');

    await post(sandbox, '/sandbox/clock/advance', { seconds: 60 });
    expect((await raw(sandbox, `/api/personnel-events/${created.id}`)).body.status).not.toBe('Pending');
    const pending = (await raw(sandbox, `/api/personnel-events?identityId=${sarah}&status=pending`)).body.items.map((e: any) => e.id);
    expect(pending).not.toContain(created.id);

    await post(sandbox, '/sandbox/reset', {});
    expect((await raw(sandbox, `/api/personnel-events/${created.id}`)).status).toBe(404);
    expect((await raw(sandbox, `/api/personnel-events?identityId=${sarah}`)).body.totalCount).toBe(before.totalCount);
  });
});
