// A sandbox: a data set, its clock and the engine that moves it on. Reset replaces the data set
// (same clock, same listeners), so handlers, webhooks and persistence always reach the current one.
//
// Every write goes through one method, write(): it brings the workflows up to the write's time,
// applies the command, and hands the command to the write listeners (the --state journal). A write
// is a small, deterministic command (not the records it changes): replaying the same commands at the
// same times on the same snapshot rebuilds the same state, ids and random draws included. So no
// handler marks anything changed by hand, and no write can be missed by persistence.
import type { OpenApiDocument } from '@permission-assist/spec-kit';
import { SandboxClock } from './clock.js';
import type { Engine, RequestEvent, Step } from './engine.js';
import { approveEvent, createEvent, type NewEvent } from './lifecycle/events.js';
import { cancelImport, createImport } from './lifecycle/imports.js';
import type { EventRecord, ImportRecord, PlannedFile } from './model.js';
import { Random } from './random.js';
import { retain } from './retention.js';
import { generate } from './seed/generate.js';
import type { SandboxSize } from './seed/sizes.js';
import { Store } from './store.js';
import type { WebhookRecord } from './webhooks.js';
import { createEngine } from './world.js';

export interface SandboxOptions {
  seed: number;
  size: SandboxSize;
  /** Sandbox time to start at (default: the real time). */
  now?: number;
  /** Start with the clock frozen. */
  frozen?: boolean;
}

/** A write, as the journal keeps it. */
export type Command =
  | { op: 'event.create'; input: NewEvent }
  | { op: 'event.approve'; id: string }
  | { op: 'import.stage'; applicationId: string; createdBy: string }
  | { op: 'import.upload'; applicationId: string; createdBy: string; files: PlannedFile[]; failure: string | null }
  | { op: 'import.cancel'; id: string; by: string }
  | { op: 'clock.advance'; to: number }
  | { op: 'clock.freeze' }
  | { op: 'clock.resume' }
  | { op: 'reset'; seed: number; size: SandboxSize }
  | { op: 'webhooks'; registrations: WebhookRecord[] };

/** A command with its place in the sequence and the sandbox time (and clock state) it was made at. */
export interface JournalEntry {
  seq: number;
  at: number;
  frozen: boolean;
  command: Command;
}

export class Sandbox {
  engine!: Engine;
  seed: number;
  size: SandboxSize;
  readonly clock: SandboxClock;
  /** Webhook receivers (kept here, not by the deliverer, so they are part of the replayed state). */
  webhookRegistrations: WebhookRecord[] = [];
  /** Sequence number of the last write. */
  seq = 0;
  /** Bumped on every change of the records (a write or a workflow step): list caches key on it. */
  version = 0;
  private readonly requestListeners = new Set<(event: RequestEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly writeListeners = new Set<(entry: JournalEntry) => void>();
  private readonly logListeners = new Set<() => void>();
  /** Waits until every write so far is durable (set by --state); undefined when there is nothing to wait for. */
  committed: () => Promise<void> | undefined = () => undefined;

  constructor(
    readonly spec: OpenApiDocument,
    options: SandboxOptions,
    restored?: { store: Store; random: Random; steps: Step[]; seq: number; webhooks: WebhookRecord[] },
  ) {
    this.seed = options.seed;
    this.size = options.size;
    this.clock = new SandboxClock(options.now ?? Date.now(), options.frozen ?? false);
    if (restored) {
      this.seq = restored.seq;
      this.webhookRegistrations = restored.webhooks;
      this.use(createEngine(restored.store, this.clock, restored.random, restored.steps));
    } else this.use(this.generated(this.clock.now()));
  }

  get store(): Store {
    return this.engine.store;
  }

  createEvent(input: NewEvent, now: number): EventRecord {
    return this.write({ op: 'event.create', input }, now) as EventRecord;
  }

  /** Approves a Pending event (the caller checks the phase; a stale call changes nothing). */
  approveEvent(id: string, now: number): EventRecord | undefined {
    return this.write({ op: 'event.approve', id }, now) as EventRecord | undefined;
  }

  stageImport(applicationId: string, createdBy: string, now: number): ImportRecord {
    return this.write({ op: 'import.stage', applicationId, createdBy }, now) as ImportRecord;
  }

  uploadImport(input: { applicationId: string; createdBy: string; files: PlannedFile[]; failure?: string }, now: number): ImportRecord {
    return this.write({ op: 'import.upload', ...input, failure: input.failure ?? null }, now) as ImportRecord;
  }

  cancelImport(id: string, by: string, now: number): ImportRecord | undefined {
    return this.write({ op: 'import.cancel', id, by }, now) as ImportRecord | undefined;
  }

  /** Moves the clock to `time`, running every step that falls due on the way; returns how many ran. */
  advanceTo(time: number): number {
    return this.write({ op: 'clock.advance', to: time }, this.clock.now()) as number;
  }

  freezeClock(): void {
    this.write({ op: 'clock.freeze' }, this.clock.now());
  }

  resumeClock(): void {
    this.write({ op: 'clock.resume' }, this.clock.now());
  }

  /** Regenerates the data set (of another seed or size if given), as of the clock's now. */
  reset(options: { seed?: number; size?: SandboxSize } = {}): void {
    this.write({ op: 'reset', seed: options.seed ?? this.seed, size: options.size ?? this.size }, this.clock.now());
  }

  setWebhooks(registrations: WebhookRecord[]): void {
    this.write({ op: 'webhooks', registrations }, this.clock.now());
  }

  /** Applies a journal entry read back from disk, at its own time; does not journal it again. */
  replay(entry: JournalEntry): void {
    if (entry.seq !== this.seq + 1) throw new Error(`journal entry ${entry.seq} follows entry ${this.seq}`);
    this.clock.set(entry.at, entry.frozen);
    this.apply(entry.command, entry.at);
    this.seq = entry.seq;
  }

  onRequestEvent(listener: (event: RequestEvent) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  /** After any change of the records, clock or receivers (writes and workflow steps). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** After every write, with the command as the journal keeps it. */
  onWrite(listener: (entry: JournalEntry) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** The webhook delivery log changed: it is not journaled, only saved with the next snapshot. */
  logChanged(): void {
    for (const listener of this.logListeners) listener();
  }

  onLogChange(listener: () => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  /** The one door for writes: catch up, apply, journal, notify. */
  private write(command: Command, at: number): unknown {
    const entry: JournalEntry = { seq: this.seq + 1, at, frozen: this.clock.frozen, command };
    const result = this.apply(command, at);
    this.seq = entry.seq;
    for (const listener of this.writeListeners) listener(entry);
    this.changed();
    return result;
  }

  private apply(command: Command, at: number): unknown {
    // Steps due by the write's time run first, live and in replay alike, so both see the same state.
    if (command.op !== 'reset' && command.op !== 'webhooks') this.engine.runUntil(at);
    const { engine, store } = this;
    switch (command.op) {
      case 'event.create':
        return this.retained(createEvent(engine, command.input, at));
      case 'event.approve': {
        const record = store.events.get(command.id);
        if (record?.phase !== 'approval') return record;
        approveEvent(engine, record, at);
        return this.retained(record);
      }
      case 'import.stage': {
        const application = store.applications.get(command.applicationId)!;
        const schedule = application.schedule!;
        const planned = schedule.filesPresent
          ? application.fileGroups.map((g) => ({ fileGroupId: g.id, fileGroup: g.name, name: `${g.name.toLowerCase()}.csv`, rows: engine.random.int(40, 5000) }))
          : [];
        const input = {
          applicationId: application.application.id,
          type: 'API' as const,
          createdBy: command.createdBy,
          files: planned,
          attachNow: false,
          pace: 'fast' as const,
          rows: engine.random.int(40, 5000),
          failure: schedule.filesPresent ? undefined : `no data file found in ${schedule.sharedDirectory}`,
        };
        return this.retained(createImport(engine, input, at));
      }
      case 'import.upload': {
        const { applicationId, createdBy, files, failure } = command;
        const input = { applicationId, type: 'API' as const, createdBy, files, attachNow: true, pace: 'fast' as const, failure: failure ?? undefined };
        return this.retained(createImport(engine, input, at));
      }
      case 'import.cancel': {
        const record = store.imports.get(command.id);
        if (record && (record.import.status === 'Pending' || record.import.status === 'Running')) cancelImport(engine, record, command.by, at);
        return record;
      }
      case 'clock.advance':
        return engine.advanceTo(command.to);
      case 'clock.freeze':
        this.clock.set(at, true);
        return undefined;
      case 'clock.resume':
        this.clock.set(at, false);
        return undefined;
      case 'reset':
        this.seed = command.seed;
        this.size = command.size;
        this.use(this.generated(at));
        return undefined;
      case 'webhooks':
        this.webhookRegistrations = command.registrations;
        return undefined;
    }
  }

  /** Drops the oldest records created through the API beyond the retention limits; returns `record`. */
  private retained<R>(record: R): R {
    retain(this.engine);
    return record;
  }

  private generated(now: number): Engine {
    const engine = createEngine(new Store(), this.clock, Random.fromSeed(this.seed));
    generate(engine, this.spec, this.size, now);
    return engine;
  }

  private changed(): void {
    this.version += 1;
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
