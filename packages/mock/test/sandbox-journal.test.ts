// The --state journal: each answered write is on disk before its answer, and what is on disk
// (snapshot + journal) rebuilds exactly the live state, for every kind of write the API and the
// control plane make. A last line a crash cut short is dropped; a damaged line stops the start and
// leaves both files as they are.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverState, toState } from '../src/sandbox/persistence.js';
import { loadSpecs } from '../src/specs.js';
import { client, exampleId, post, raw, start, TODAY } from './helpers/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The state rebuilt from the files on disk, as GET /sandbox/state would show it (delivery log aside). */
function onDisk(file: string) {
  const recovered = recoverState(loadSpecs().api, file)!;
  return comparable(toState(recovered.sandbox, []));
}

function comparable(state: any) {
  const { deliveries: _deliveries, steps, clock, ...rest } = state;
  // A running clock moves between the two reads; a frozen one must match to the millisecond.
  return { ...rest, clock: clock.frozen ? clock : { frozen: false }, steps: [...steps].sort((a: any, b: any) => a.seq - b.seq) };
}

describe('--state journal', () => {
  it('after every answered write, the files on disk rebuild exactly the live state', async () => {
    const file = join(dir, 'every-write.json');
    const sandbox = await start({ stateFile: file });
    try {
      const pa = client(sandbox);
      const sarah = exampleId('IdentitySarahChen');
      const symitar = exampleId('ApplicationJackHenrySymitar');
      const writes: [string, () => Promise<unknown>][] = [
        ['onboard', () => pa.personnelEvents.createOnboard({ identity: { firstName: 'Ann', lastName: 'Lee' }, effectiveDate: TODAY })],
        ['offboard', () => pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: TODAY })],
        ['role transition', () => pa.personnelEvents.createRoleTransition({ identityId: sarah, identity: { title: 'Lead' }, effectiveDate: TODAY })],
        ['leave', () => pa.personnelEvents.createLeaveOfAbsence({ identityId: sarah, effectiveDate: TODAY })],
        ['stage', () => pa.applicationImports.stage({ applicationId: symitar })],
        ['advance', () => post(sandbox, '/sandbox/clock/advance', { seconds: 31 })],
        ['approve', async () => {
          const event = await pa.personnelEvents.createOffboard({ identityId: sarah, effectiveDate: TODAY });
          return post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
        }],
        ['cancel', async () => {
          const staged = await pa.applicationImports.stage({ applicationId: symitar });
          return pa.applicationImports.cancel({ applicationImportId: staged.id });
        }],
        ['register webhook', () => post(sandbox, '/sandbox/webhooks', { url: 'http://127.0.0.1:9/hook' })],
        ['delete webhook', async () => {
          const { body } = await post(sandbox, '/sandbox/webhooks', { url: 'http://127.0.0.1:9/other' });
          return raw(sandbox, `/sandbox/webhooks/${body.id}`, { method: 'DELETE' });
        }],
        ['resume', () => post(sandbox, '/sandbox/clock/resume')],
        ['freeze', () => post(sandbox, '/sandbox/clock/freeze')],
        ['reset', () => post(sandbox, '/sandbox/reset', { seed: 5 })],
        ['onboard after reset', () => pa.personnelEvents.createOnboard({ identity: { firstName: 'Bo', lastName: 'Ek' }, effectiveDate: TODAY })],
      ];
      for (const [name, write] of writes) {
        await write();
        const live = comparable((await raw(sandbox, '/sandbox/state')).body);
        expect(onDisk(file), name).toEqual(live);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('drops a last write that a crash cut short, and starts', async () => {
    const file = join(dir, 'torn.json');
    const first = await start({ stateFile: file });
    const kept = await client(first).personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
    // What a crash leaves: the journal as it was (close() would fold it into the snapshot), plus half a line.
    const journal = readFileSync(`${file}.journal`, 'utf8');
    const snapshot = readFileSync(file, 'utf8');
    await first.close();
    writeFileSync(file, snapshot);
    writeFileSync(`${file}.journal`, `${journal}0badf00d {"seq":99,"at":`);
    expect(journal.split('\n')).toHaveLength(2);

    const second = await start({ stateFile: file });
    try {
      expect((await client(second).personnelEvents.get(kept.id)).id).toBe(kept.id);
    } finally {
      await second.close();
    }
  });

  it('refuses a journal with a damaged line, naming it, and leaves both files untouched', async () => {
    const file = join(dir, 'damaged.json');
    const first = await start({ stateFile: file });
    await client(first).personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
    const journal = readFileSync(`${file}.journal`, 'utf8');
    const snapshot = readFileSync(file, 'utf8');
    await first.close();
    const damaged = journal.replace('"Offboard"', '"Onboard"');
    writeFileSync(file, snapshot);
    writeFileSync(`${file}.journal`, damaged);
    appendFileSync(`${file}.journal`, '');

    await expect(start({ stateFile: file })).rejects.toThrow(`state file ${file}.journal line 1 is damaged (its checksum does not match)`);
    expect(readFileSync(file, 'utf8')).toBe(snapshot);
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe(damaged);
  });

  it('GET /sandbox states the guarantee', async () => {
    const file = join(dir, 'info.json');
    const sandbox = await start({ stateFile: file });
    const memory = await start();
    try {
      const info = (await raw(sandbox, '/sandbox')).body;
      expect(info.durability.mode).toBe('journal');
      expect(info.durability.guarantee).toContain(`answered only after it is appended to ${file}.journal and flushed to disk`);
      expect((await raw(memory, '/sandbox')).body.durability.mode).toBe('memory');
    } finally {
      await Promise.all([sandbox.close(), memory.close()]);
    }
  });
});
