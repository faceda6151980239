// Runs the sandbox's workflows on its clock. Every future change (an import finishing, an event
// being approved, a request being resolved) is a step in one time-ordered queue. Before a request
// is answered the steps that have fallen due are run, in order, each at its own time, so what a
// client reads never lags the clock, however coarse real timers are; advancing the clock runs
// every step on the way.
import TinyQueue from 'tinyqueue';
import type { SandboxClock } from './clock.js';
import type { Random } from './random.js';
import type { Store } from './store.js';

export type StepAction =
  | 'event.due'
  | 'event.approve'
  | 'event.verify'
  | 'request.approve'
  | 'request.start'
  | 'request.resolve'
  | 'request.complete'
  | 'import.start'
  | 'import.finish'
  | 'import.canceled'
  | 'seed';

export interface Step {
  at: number;
  /** Breaks ties between steps due at the same moment: first scheduled, first run. */
  seq: number;
  action: StepAction;
  id: string;
}

/** Webhook event names (spec/sandbox.yaml WebhookEventName). */
export type RequestEventName =
  | 'AccessRequestCreated'
  | 'AccessRequestOpened'
  | 'AccessRequestResolved'
  | 'AccessRequestCompleted'
  | 'AccessRequestCanceled'
  | 'AccessRequestScheduled'
  | 'AccessRequestSnoozed';

export interface RequestEvent {
  name: RequestEventName;
  requestId: string;
  at: number;
}

type Handler = (step: Step) => void;

const byTime = (a: Step, b: Step) => a.at - b.at || a.seq - b.seq;

export class Engine {
  private queue: TinyQueue<Step>;
  private seq = 0;
  private readonly handlers = new Map<StepAction, Handler>();
  private readonly requestListeners = new Set<(event: RequestEvent) => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    readonly store: Store,
    readonly clock: SandboxClock,
    readonly random: Random,
    steps: Step[] = [],
  ) {
    this.queue = new TinyQueue([...steps], byTime);
    this.seq = steps.reduce((max, step) => Math.max(max, step.seq), 0);
  }

  on(action: StepAction, handler: Handler): void {
    this.handlers.set(action, handler);
  }

  schedule(at: number, action: StepAction, id: string): void {
    this.seq += 1;
    this.queue.push({ at, seq: this.seq, action, id });
  }

  /** The pending steps, for saving; in no particular order. */
  pendingSteps(): Step[] {
    return [...this.queue.data];
  }

  pendingCount(): number {
    return this.queue.length;
  }

  /** Forgets the pending steps `keep` refuses (steps of records that no longer exist). */
  prune(keep: (step: Step) => boolean): void {
    this.queue = new TinyQueue(this.queue.data.filter(keep), byTime);
  }

  /** When the next step falls due, if any. */
  nextAt(): number | undefined {
    return this.queue.peek()?.at;
  }

  /** Runs every step due at or before `time`, in order; returns how many ran. */
  runUntil(time: number): number {
    let count = 0;
    for (let step = this.queue.peek(); step && step.at <= time; step = this.queue.peek()) {
      this.queue.pop();
      const handler = this.handlers.get(step.action);
      if (!handler) throw new Error(`sandbox: no handler for step ${step.action}`);
      handler(step);
      count += 1;
    }
    if (count > 0) this.changed();
    return count;
  }

  /** Brings the state up to the clock's now. */
  sync(): number {
    return this.runUntil(this.clock.now());
  }

  /** Moves the clock to `time`, running every step on the way. */
  advanceTo(time: number): number {
    const count = this.runUntil(time);
    this.clock.moveTo(time);
    return count;
  }

  onRequestEvent(listener: (event: RequestEvent) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  emit(event: RequestEvent): void {
    for (const listener of this.requestListeners) listener(event);
  }

  /** Called after anything changed (steps ran, a write was made): persistence listens. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
