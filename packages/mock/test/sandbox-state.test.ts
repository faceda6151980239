// --state FILE: the state survives a restart (records, clock, pending workflow steps, webhooks);
// a file that cannot be read stops the start with a clear error and is never written over.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { client, exampleId, post, raw, start, TODAY } from './helpers/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--state', () => {
  it('keeps records, the clock, pending steps and webhooks across a restart', async () => {
    const file = join(dir, 'kept.json');
    const first = await start({ stateFile: file });
    const pa = client(first);
    const event = await pa.personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
    const staged = await pa.applicationImports.stage({ applicationId: exampleId('ApplicationJackHenrySymitar') });
    await post(first, '/sandbox/webhooks', { url: 'http://127.0.0.1:1/hook', events: ['AccessRequestCompleted'] });
    first.clock.advance({ seconds: 10 });
    const clock = (await raw(first, '/sandbox/clock')).body;
    await first.close();

    const second = await start({ stateFile: file, seed: 42 });
    try {
      const again = client(second);
      expect(await again.personnelEvents.get(event.id)).toMatchObject({ id: event.id, status: 'Pending' });
      expect((await again.applicationImports.get(staged.id)).status).toBe('Finished');
      expect((await raw(second, '/sandbox/clock')).body).toEqual(clock);
      expect((await raw(second, '/sandbox')).body).toMatchObject({ seed: 1, stateFile: file });
      expect((await raw(second, '/sandbox/webhooks')).body.items).toHaveLength(1);
      // The approval step pending before the restart still runs on time.
      second.clock.advance({ minutes: 1 });
      expect((await again.personnelEvents.get(event.id)).status).not.toBe('Pending');
      // New records continue the numbering instead of starting over.
      const next = await again.personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
      expect(next.number).toBe(event.number + 1);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['not JSON', '{"version": 1, "seed":', 'is not valid JSON'],
    ['another layout', JSON.stringify({ version: 99 }), 'has layout version 99; this sandbox reads version 1'],
    ['missing lists', JSON.stringify({ version: 1 }), 'has no "identities" list'],
  ])('refuses a file that is %s, and leaves it untouched', async (_name, content, message) => {
    const file = join(dir, `bad-${_name.replace(/ /g, '-')}.json`);
    writeFileSync(file, content);
    await expect(start({ stateFile: file })).rejects.toThrow(message);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses a file whose records are no longer valid resources, naming them', async () => {
    const file = join(dir, 'edited.json');
    const sandbox = await start({ stateFile: file });
    await sandbox.close();
    const state = JSON.parse(readFileSync(file, 'utf8'));
    state.identities[0].identity.status = 'Retired';
    const edited = JSON.stringify(state);
    writeFileSync(file, edited);
    await expect(start({ stateFile: file })).rejects.toThrow(`has invalid records:\n  Identity ${state.identities[0].identity.id}: /status: must be one of`);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('writes atomically: the file on disk is always a complete state', async () => {
    const file = join(dir, 'atomic.json');
    const sandbox = await start({ stateFile: file });
    const pa = client(sandbox);
    for (let i = 0; i < 5; i += 1) await pa.personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
    await sandbox.close();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.events.filter((e: any) => e.event.reporter.name === 'API Token - Sandbox')).toHaveLength(5);
  });
});
