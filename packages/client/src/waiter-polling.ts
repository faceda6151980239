// The polling behind the waiters (waiters.ts), loaded on the first wait. Modelled on the Smithy/AWS
// SDK waiters, minus the two complaints their issue trackers keep hearing: a 403 or 404 ends the wait
// at once (not at the timeout), and every failure carries the last record and the statuses seen on
// the way. Between polls: exponential backoff with full jitter between the declared minimum and
// maximum, a Retry-After from the server taking precedence; 408, 429, 5xx, dropped connections and
// a single poll that timed out are waited out, every other 4xx ends the wait.
import { AbortedError, ApiError, ConnectionError, InvalidArgumentError, type PermissionAssistError, ServerError, TimeoutError, UnexpectedResponseError, WaiterFailureError, WaiterTimeoutError } from './errors.js';
import type { GetRecord, StatusOf, WaiterSpec, WaitForOptions, WaitOptions } from './waiters.js';

/** What the waiter errors report of a wait (not exported by errors.ts, so not part of the public API). */
type WaitState = ConstructorParameters<typeof WaiterFailureError>[3];

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_DELAY = { minMs: 1_000, maxMs: 30_000 };

/** Errors a later poll may not repeat: the server is busy or the network dropped, not a refusal. */
function transient(error: unknown): error is PermissionAssistError {
  if (error instanceof ServerError || error instanceof ConnectionError || error instanceof UnexpectedResponseError) return true;
  if (error instanceof ApiError) return error.status === 408 || error.status === 429;
  // One poll's own timeout (not the caller's signal): the next poll may well get through.
  return error instanceof TimeoutError && error.timeoutMs !== undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function nonNegative(value: number | undefined, field: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new InvalidArgumentError([{ field, message: `must be a number of 0 or more, got ${JSON.stringify(value)}` }]);
  }
}

/**
 * Polls `get(id)` until the record's status is one of `wanted`. A final status (success or
 * failure in the spec) that is not wanted ends the wait with WaiterFailureError; a status the spec
 * does not know (a newer server) is waited through, like a retry status.
 */
export async function waitUntil<R>(spec: WaiterSpec, get: GetRecord, id: string, wanted: readonly string[], options: WaitOptions<R> = {}): Promise<R> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  nonNegative(options.timeoutMs, 'timeoutMs');
  nonNegative(options.minDelayMs, 'minDelayMs');
  nonNegative(options.maxDelayMs, 'maxDelayMs');
  const minMs = options.minDelayMs ?? spec.delay?.minMs ?? DEFAULT_DELAY.minMs;
  const maxMs = Math.max(minMs, options.maxDelayMs ?? spec.delay?.maxMs ?? DEFAULT_DELAY.maxMs);
  const final = new Set([...spec.success, ...spec.failure]);

  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error('wait timed out')), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  const state: WaitState = { lastRecord: undefined, statusesSeen: [], elapsedMs: 0, polls: 0 };
  const timedOut = (cause?: unknown) => {
    state.elapsedMs = performance.now() - started;
    return new WaiterTimeoutError(id, timeoutMs, wanted, state, cause);
  };
  /** The error for an abort: the caller's signal, or the wait's own deadline. */
  const aborted = (cause: unknown) => {
    if (options.signal?.aborted) {
      const reason = options.signal.reason as { name?: string } | undefined;
      if (reason?.name === 'TimeoutError') return new TimeoutError(undefined, undefined, { cause: reason });
      return new AbortedError(`waiting for ${id}: aborted by the caller`, undefined, { cause: reason });
    }
    return timedOut(cause);
  };

  try {
    for (let attempt = 1; ; attempt += 1) {
      let record: R | undefined;
      let error: PermissionAssistError | undefined;
      // The first poll is not cut by the wait's deadline (only by the caller's signal and the
      // call's own timeout): however short timeoutMs is, a timeout then reports the record.
      const pollSignal = attempt === 1 ? options.signal : signal;
      try {
        record = (await get(id, { ...options.request, ...(pollSignal ? { signal: pollSignal } : {}) })) as R;
      } catch (failure) {
        if (pollSignal?.aborted) throw aborted(failure);
        if (!transient(failure)) throw failure;
        error = failure;
      }
      state.polls = attempt;
      state.elapsedMs = performance.now() - started;
      let status: string | undefined;
      if (record !== undefined) {
        state.lastRecord = record;
        const value = (record as Record<string, unknown>)[spec.field];
        status = typeof value === 'string' ? value : undefined;
        if (status !== undefined && state.statusesSeen.at(-1) !== status) state.statusesSeen.push(status);
      }
      const done = status !== undefined && (wanted.includes(status) || final.has(status));
      // As the Smithy waiter spec: uniform between the minimum and a ceiling that doubles per poll.
      const ceiling = Math.min(maxMs, minMs * 2 ** (attempt - 1));
      const backoff = minMs + Math.random() * (ceiling - minMs);
      const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
      const delay = done ? 0 : Math.max(backoff, retryAfter ?? 0);
      if (options.onPoll) {
        try {
          options.onPoll({ attempt, record, status: status as StatusOf<R> | undefined, error, elapsedMs: state.elapsedMs, nextDelayMs: delay });
        } catch {
          // a progress hook must not end the wait it reports on
        }
      }
      if (status !== undefined && wanted.includes(status)) return record!;
      if (done) throw new WaiterFailureError(id, status!, wanted, state);
      const remaining = timeoutMs - (performance.now() - started);
      if (remaining <= 0) throw timedOut(error);
      // The last pause is cut to the deadline, so the final poll happens just before it.
      await sleep(Math.min(delay, Math.max(0, remaining - 1)), signal).catch((reason: unknown) => {
        throw aborted(reason);
      });
    }
  } finally {
    clearTimeout(timer);
  }
}

/** `waitFor`: checks the statuses asked for against the spec's, then waits for one of them. */
export function waitForStatus<R>(spec: WaiterSpec, get: GetRecord, id: string, options: WaitForOptions<R>): Promise<R> {
  const status = options?.status as unknown;
  const wanted = (Array.isArray(status) ? status : [status]) as unknown[];
  const known = [...spec.success, ...spec.failure, ...spec.retry];
  const unknown = wanted.filter((s) => typeof s !== 'string' || !known.includes(s));
  if (wanted.length === 0 || unknown.length) {
    return Promise.reject(new InvalidArgumentError([{ field: 'status', message: `must be one or more of ${known.join(', ')}, got ${JSON.stringify(status)}` }]));
  }
  return waitUntil(spec, get, id, wanted as string[], options);
}
