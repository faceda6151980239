// What every part of the seed generator shares: the engine it fills, the seeded random source, the
// history's time span, the size targets, the spec's examples, and the people made so far. Seed
// steps (seedAt) let the generator act at a moment of the simulated history, in time order with the
// workflow steps the engine runs.
import { DAY, iso } from '../clock.js';
import type { Engine } from '../engine.js';
import type { IdentityRecord } from '../model.js';
import type { Random } from '../random.js';
import type { ExampleSet } from './examples.js';
import { HISTORY_DAYS, type SizeTargets } from './sizes.js';

export interface SeedContext {
  readonly engine: Engine;
  readonly random: Random;
  /** Where the seeded history begins, and the clock's now it ends at. */
  readonly start: number;
  readonly now: number;
  readonly targets: SizeTargets;
  readonly examples: ExampleSet;
  readonly people: IdentityRecord[];
  /** Department -> its manager, who supervises its people. */
  readonly managers: Map<string, IdentityRecord>;
  readonly seedSteps: Map<string, () => void>;
  stagedBy: string;
  /** Identities to draw from (refreshed when the store has more). */
  pool: IdentityRecord[];
}

export function seedContext(engine: Engine, examples: ExampleSet, targets: SizeTargets, now: number): SeedContext {
  return {
    engine,
    random: engine.random,
    start: now - HISTORY_DAYS * DAY,
    now,
    targets,
    examples,
    people: [],
    managers: new Map(),
    seedSteps: new Map(),
    stagedBy: 'API Token - Automation Service',
    pool: [],
  };
}

/** Runs `action` at `at` during the simulation. */
export function seedAt(ctx: SeedContext, at: number, key: string, action: () => void): void {
  ctx.seedSteps.set(key, action);
  ctx.engine.schedule(at, 'seed', key);
}

export const day = (time: number) => iso(time).slice(0, 10);
export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
