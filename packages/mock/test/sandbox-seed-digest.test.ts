// The seeded data set is part of the sandbox's promise: the same --seed and --size at the same clock
// start give byte-for-byte the same records, ids, numbers, pending workflow steps and random state.
// These digests pin it, so a refactor of the generator (or of the engine it drives) that changes a
// single byte fails here. Change a digest only when the data set is meant to change, and say so.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { loadSpecs } from '../src/specs.js';
import type { SandboxSize } from '../src/sandbox/seed/sizes.js';
import { NOW } from './helpers/sandbox.js';

function digest(seed: number, size: SandboxSize): string {
  const sandbox = new Sandbox(loadSpecs().api, { seed, size, now: Date.parse(NOW), frozen: true });
  const { store, engine } = sandbox;
  const data = {
    identities: [...store.identities.values()],
    applications: [...store.applications.values()],
    imports: [...store.imports.values()],
    events: [...store.events.values()],
    requests: [...store.requests.values()],
    counters: store.counters,
    importSlot: store.importSlot,
    actors: store.actors,
    steps: engine.pendingSteps().sort((a, b) => a.at - b.at || a.seq - b.seq),
    random: engine.random.state(),
  };
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

describe('seeded data set digest', () => {
  it.each([
    [1, 'small', '0c0c4ce87bc7831563e31fd23a2db75563db9b520871a29f0080aaf94e603825'],
    [7, 'small', 'ea1344aba577514233e71e5cfaa5a56071e796b77c7153a991b220b5bd7af42a'],
    [3, 'medium', '76ceb01c8e09d0b41e9d3da5be8fa95a6438bb26e7fdf5139c7e9b8f0b7dc0b3'],
  ] as const)('seed %i, %s', (seed, size, expected) => {
    expect(digest(seed, size)).toBe(expected);
  });
});
