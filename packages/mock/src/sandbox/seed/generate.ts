// Generates a data set from a seed: the spec's example records, then generated applications and
// people of First Bank of Valkyrie, then HISTORY_DAYS of activity (personnel events, imports,
// access requests) played out by the sandbox's own workflow engine up to the clock's "now". Because
// the history is produced by the same lifecycles that serve the API, every record is consistent
// with every other: requests point at existing identities and applications, a completed offboarding
// left its identity disabled, statuses match their timestamps.
//
// The same seed, size and clock start give the same data set. Ids and names depend on the seed and
// size only; dates are relative to the clock's start, except the example records' own. The order of
// the parts below is the order of the random draws: changing it changes every seed's data set (the
// digests in test/sandbox-seed-digest.test.ts say so).
import type { OpenApiDocument } from '@permission-assist/spec-kit';
import type { Engine } from '../engine.js';
import { actors } from './actors.js';
import { applications, coverConnectorCases } from './applications.js';
import { seedContext } from './context.js';
import { exampleHistory } from './example-history.js';
import { readExamples } from './examples.js';
import { history } from './history.js';
import { identities } from './people.js';
import { SIZES, type SandboxSize } from './sizes.js';

/** Fills `engine.store` with the data set of `seed` and `size`, as it stands at `now`. */
export function generate(engine: Engine, spec: OpenApiDocument, size: SandboxSize, now: number): void {
  const ctx = seedContext(engine, readExamples(spec), SIZES[size], now);
  engine.on('seed', (step) => {
    ctx.seedSteps.get(step.id)?.();
    ctx.seedSteps.delete(step.id);
  });
  actors(ctx);
  applications(ctx);
  coverConnectorCases(ctx);
  identities(ctx);
  exampleHistory(ctx);
  history(ctx);
  engine.runUntil(now);
  engine.on('seed', () => undefined);
  engine.store.reorder('identities');
}
