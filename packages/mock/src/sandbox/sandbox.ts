// A sandbox: a data set, its clock and the engine that moves it on. Reset replaces the data set
// (same clock, same listeners), so handlers, webhooks and persistence always reach the current one.
import type { OpenApiDocument } from '@permission-assist/spec-kit';
import { SandboxClock } from './clock.js';
import type { Engine, RequestEvent, Step } from './engine.js';
import { Random } from './random.js';
import { generate } from './seed/generate.js';
import type { SandboxSize } from './seed/sizes.js';
import { Store } from './store.js';
import { createEngine } from './world.js';

export interface SandboxOptions {
  seed: number;
  size: SandboxSize;
  /** Sandbox time to start at (default: the real time). */
  now?: number;
  /** Start with the clock frozen. */
  frozen?: boolean;
}

export class Sandbox {
  engine!: Engine;
  seed: number;
  size: SandboxSize;
  readonly clock: SandboxClock;
  private readonly requestListeners = new Set<(event: RequestEvent) => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    readonly spec: OpenApiDocument,
    options: SandboxOptions,
    restored?: { store: Store; random: Random; steps: Step[] },
  ) {
    this.seed = options.seed;
    this.size = options.size;
    this.clock = new SandboxClock(options.now ?? Date.now(), options.frozen ?? false);
    if (restored) this.use(createEngine(restored.store, this.clock, restored.random, restored.steps));
    else this.regenerate();
  }

  get store(): Store {
    return this.engine.store;
  }

  /** Generates the data set of the current seed and size, as of the clock's now. */
  regenerate(): void {
    const engine = createEngine(new Store(), this.clock, Random.fromSeed(this.seed));
    generate(engine, this.spec, this.size);
    this.use(engine);
    this.changed();
  }

  reset(options: { seed?: number; size?: SandboxSize } = {}): void {
    this.seed = options.seed ?? this.seed;
    this.size = options.size ?? this.size;
    this.regenerate();
  }

  /** Moves the clock to `time`, running every step that falls due on the way; returns how many ran. */
  advanceTo(time: number): number {
    const steps = this.engine.advanceTo(time);
    this.changed();
    return steps;
  }

  freezeClock(): void {
    this.clock.freeze();
    this.changed();
  }

  resumeClock(): void {
    this.clock.resume();
    this.changed();
  }

  onRequestEvent(listener: (event: RequestEvent) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  private use(engine: Engine): void {
    engine.onRequestEvent((event) => {
      for (const listener of this.requestListeners) listener(event);
    });
    engine.onChange(() => this.changed());
    this.engine = engine;
  }
}
