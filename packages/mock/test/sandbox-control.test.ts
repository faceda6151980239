// The control plane (spec/sandbox.yaml): every answer valid against its own description, reset,
// the clock, connectors, the state dump, and its errors in the API's Error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { client, controlContract, exampleId, NOW, post, raw, start, TODAY, violations } from './helpers/sandbox.js';
import { budget } from './helpers/budget.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

describe('control plane', () => {
  it('every operation of spec/sandbox.yaml answers as described', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/sandbox'],
      ['GET', '/sandbox/clock'],
      ['POST', '/sandbox/clock/advance', { seconds: 60 }],
      ['POST', '/sandbox/clock/freeze'],
      ['POST', '/sandbox/clock/resume'],
      ['POST', '/sandbox/clock/freeze'],
      ['GET', '/sandbox/connectors'],
      ['GET', '/sandbox/state'],
      ['GET', '/sandbox/webhooks'],
      ['POST', '/sandbox/webhooks', { url: 'http://127.0.0.1:1/hook' }],
      ['GET', '/sandbox/webhooks/deliveries'],
      ['POST', '/sandbox/reset', { seed: 3 }],
    ];
    const seen = new Set<string>();
    for (const [method, path, body] of calls) {
      const res = await raw(sandbox, path, { method, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
      expect(violations(method, path, res.status, res.body), `${method} ${path}`).toEqual([]);
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      seen.add(controlContract().match(method, path)!.operationId);
    }
    const event = await client(sandbox).personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: NOW.slice(0, 10) });
    const approved = await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
    expect(violations('POST', `/sandbox/personnel-events/${event.id}/approve`, approved.status, approved.body)).toEqual([]);
    seen.add('approvePersonnelEvent');
    const { body: webhooks } = await raw(sandbox, '/sandbox/webhooks');
    expect((await raw(sandbox, `/sandbox/webhooks/${webhooks.items[0].id}`, { method: 'DELETE' })).status).toBe(204);
    seen.add('deleteWebhook');
    seen.add('postDeliveryCallback'); // exercised in sandbox-webhooks.test.ts
    expect([...seen].sort()).toEqual(controlContract().operations.map((o) => o.operationId).sort());
  });

  it('reset regenerates the data set with another seed or size, keeping the clock', async () => {
    const pa = client(sandbox);
    await post(sandbox, '/sandbox/reset', { seed: 1, size: 'small' });
    const before = await pa.identities.list();
    await pa.personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
    const clock = (await raw(sandbox, '/sandbox/clock')).body;
    const reset = await post(sandbox, '/sandbox/reset', {});
    expect(reset.body).toMatchObject({ seed: 1, size: 'small', clock });
    expect((await pa.identities.list()).items).toEqual(before.items);
    const other = await post(sandbox, '/sandbox/reset', { seed: 99 });
    expect(other.body.seed).toBe(99);
    expect((await pa.identities.list()).items).not.toEqual(before.items);
    expect((await post(sandbox, '/sandbox/reset', { size: 'huge' })).body.errors).toEqual([{ field: 'size', message: 'Size must be one of small, medium, large' }]);
  });

  it('the clock: advance by seconds or to a time, never back; freeze and resume', async () => {
    const now = (await raw(sandbox, '/sandbox/clock')).body.now as string;
    const later = new Date(Date.parse(now) + 3600_000).toISOString().replace('.000Z', 'Z');
    expect((await post(sandbox, '/sandbox/clock/advance', { until: later })).body.clock.now).toBe(later);
    expect((await post(sandbox, '/sandbox/clock/advance', { until: now })).body.errors[0].field).toBe('until');
    expect((await post(sandbox, '/sandbox/clock/advance', {})).body.errors).toEqual([{ field: 'seconds', message: 'Give exactly one of seconds and until' }]);
    expect((await post(sandbox, '/sandbox/clock/advance', { seconds: 1, until: later })).status).toBe(400);
    expect((await post(sandbox, '/sandbox/clock/advance', { seconds: -5 })).body.errors[0].message).toBe('Seconds must be greater than 0');
    const resumed = (await post(sandbox, '/sandbox/clock/resume')).body;
    expect(resumed.frozen).toBe(false);
    // The clock has whole seconds: wait until it shows a later one, however slowly this machine runs.
    await expect.poll(async () => Date.parse((await raw(sandbox, '/sandbox/clock')).body.now), { timeout: budget(10_000) }).toBeGreaterThan(Date.parse(resumed.now));
    expect((await post(sandbox, '/sandbox/clock/freeze')).body.frozen).toBe(true);
  });

  it('connectors tell which applications can be staged or uploaded, and their file group ids', async () => {
    const { body } = await raw(sandbox, '/sandbox/connectors');
    const jackHenry = body.items.find((c: any) => c.application.id === exampleId('ApplicationJackHenrySymitar'));
    expect(jackHenry).toMatchObject({
      fileBased: true,
      importSchedule: { filesPresent: true },
      fileGroups: [
        { id: 'a1b2c3d4-0000-0000-0000-000000000001', name: 'Employees', required: true },
        { id: 'a1b2c3d4-0000-0000-0000-000000000002', name: 'Privileges', required: false },
      ],
    });
    expect(body.items.some((c: any) => c.importSchedule === null)).toBe(true);
    expect(body.items.some((c: any) => !c.fileBased)).toBe(true);
  });

  it('takes the same tokens as the API, and answers errors in the Error shape', async () => {
    expect((await fetch(`${sandbox.url}/sandbox`)).status).toBe(401);
    expect((await fetch(`${sandbox.url}/sandbox`, { headers: { authorization: 'Bearer pa_forbidden_x' } })).status).toBe(403);
    const missing = await post(sandbox, '/sandbox/personnel-events/9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e/approve');
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found', message: 'Personnel event with id 9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e not found' } });
  });
});
