// Puts the engine together with the lifecycles of every kind of record.
import type { SandboxClock } from './clock.js';
import { Engine, type Step } from './engine.js';
import { progressEvent, registerEventSteps } from './lifecycle/events.js';
import { registerImportSteps } from './lifecycle/imports.js';
import { registerRequestSteps } from './lifecycle/requests.js';
import type { Random } from './random.js';
import type { Store } from './store.js';

export function createEngine(store: Store, clock: SandboxClock, random: Random, steps: Step[] = []): Engine {
  const engine = new Engine(store, clock, random, steps);
  registerImportSteps(engine);
  registerEventSteps(engine);
  registerRequestSteps(engine, (record, at) => {
    const event = record.eventId ? store.events.get(record.eventId) : undefined;
    if (event) progressEvent(engine, event, at);
  });
  // Seed steps exist only while a data set is generated (seed/generate.ts replaces this handler).
  engine.on('seed', () => undefined);
  return engine;
}
