// Waiters: poll a record's get operation until its status settles, as declared by the spec's
// `x-pa-waiters` (generated into waiterTable). This module holds the options and the methods (the
// two waiter errors are in errors.ts); the polling itself (waiter-polling.ts) is loaded on the first
// wait, through a dynamic import: most applications never wait, and an application bundler puts it
// in a chunk of its own, out of the code every page loads.
import type { PermissionAssistError } from './errors.js';
import type { RequestOptions } from './types.js';

/** A waiter as generated from `x-pa-waiters`. */
export interface WaiterSpec {
  get: string;
  field: string;
  success: readonly string[];
  failure: readonly string[];
  retry: readonly string[];
  delay?: { minMs: number; maxMs: number };
}

export type StatusOf<R> = R extends { status: infer S } ? S : string;

/** What `onPoll` hears after each poll. */
export interface WaiterPoll<R> {
  /** 1 for the first poll. */
  attempt: number;
  /** The record this poll returned, or undefined when the poll failed transiently. */
  record: R | undefined;
  status: StatusOf<R> | undefined;
  /** The transient error of this poll (a 503, a dropped connection...), if any. */
  error: PermissionAssistError | undefined;
  elapsedMs: number;
  /** How long the waiter now pauses before the next poll (0 when the wait is over). */
  nextDelayMs: number;
}

export interface WaitOptions<R> {
  /**
   * Gives up after this long, in ms (default 10 minutes), with WaiterTimeoutError. The first poll is
   * always answered (within the client's own timeout), so the error holds the record as it was.
   */
  timeoutMs?: number;
  /** Cancels the wait (then AbortedError, or TimeoutError for AbortSignal.timeout()). */
  signal?: AbortSignal;
  /** Called after every poll, e.g. to print progress. A hook that throws does not end the wait. */
  onPoll?: (poll: WaiterPoll<R>) => void;
  /** Shortest pause between polls, in ms (default: the spec's `delay.minMs`). */
  minDelayMs?: number;
  /** Longest pause between polls, in ms (default: the spec's `delay.maxMs`). */
  maxDelayMs?: number;
  /** Options of each poll (its own timeout, retry policy and headers). */
  request?: Omit<RequestOptions, 'signal'>;
}

export interface WaitForOptions<R> extends WaitOptions<R> {
  /** The status (or statuses) to wait for. */
  status: StatusOf<R> | readonly StatusOf<R>[];
}

export type GetRecord = (id: string, options: RequestOptions) => Promise<unknown>;

const polling = () => import('./waiter-polling.js');

/** The two waiter methods of a resource, built from its waiterTable row. */
export function waiterMethods(spec: WaiterSpec, get: GetRecord) {
  return {
    waitUntilDone: (id: string, options?: WaitOptions<unknown>) => polling().then((loaded) => loaded.waitUntil(spec, get, id, spec.success, options)),
    waitFor: (id: string, options: WaitForOptions<unknown>) => polling().then((loaded) => loaded.waitForStatus(spec, get, id, options)),
  };
}
