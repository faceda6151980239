// Sends one API request and reads its answer, whatever it takes: retries with exponential backoff
// and full jitter (honouring Retry-After), redirects followed only where that is safe, the body read
// within a size limit, one deadline and one cancellation for the whole call, and every failure
// turned into a typed error. GETs are retried on network errors, 429, 502, 503 and 504; a request
// with a body only when the connection was refused, so it cannot have reached the server (creating
// a personnel event twice is worse than reporting a failure).
import type { ResolvedConfig, RetryOptions } from './config.js';
import { AbortedError, ConnectionError, RedirectError, redactText, ResponseTooLargeError, TimeoutError, type OperationInfo } from './errors.js';
import type { Cancellation, Exchange, ExchangeInit } from './exchange.js';

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A JSON string or a FormData: both can be sent again as they are. */
  body?: string | FormData;
  info: OperationInfo;
}

/** An answer whose body has been read (within the size limit). */
export interface ReceivedResponse {
  status: number;
  statusText: string;
  /** Every header (built on first use by the Node transport). */
  readonly headers: Headers;
  /** One header's value (lower-case name), or null. */
  header(name: string): string | null;
  /** The URL that answered (after redirects). */
  url: string;
  /** The body as text (every answer of this API is JSON, or text when something is wrong). */
  body: string;
  /** Why a retryable answer (429, 503...) was not retried any more, for its error message. */
  gaveUp?: string;
}

/** A read answer: a class, for the reason FetchExchange is one (exchange.ts). */
class Received implements ReceivedResponse {
  readonly status: number;
  readonly statusText: string;

  constructor(
    private readonly exchange: Exchange,
    readonly url: string,
    readonly body: string,
    readonly gaveUp: string | undefined,
  ) {
    this.status = exchange.status;
    this.statusText = exchange.statusText;
  }

  get headers(): Headers {
    return this.exchange.headers;
  }

  header(name: string): string | null {
    return this.exchange.header(name);
  }
}

/**
 * Every pending call's deadline under one timer: a timer per call cost more than the rest of a small
 * call on Node (a sequential caller empties the timer list at every call, and node re-arms it each
 * time). The timer fires at the earliest deadline; a call that ends just leaves the set, and the
 * timer, when it fires for nothing, re-arms for the next deadline or stops. It never keeps a process
 * alive on its own (unref), so a script ends when its last call has.
 */
const pending = new Set<CallScope>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function arm(at: number) {
  if (timer !== undefined) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(sweep, Math.max(0, at - performance.now()));
  if (typeof timer === 'object' && typeof timer.unref === 'function') timer.unref();
  else (globalThis as { Deno?: { unrefTimer?(id: unknown): void } }).Deno?.unrefTimer?.(timer);
}

function sweep() {
  timer = undefined;
  timerAt = Infinity;
  const now = performance.now();
  let next = Infinity;
  for (const scope of pending) {
    if (scope.deadline <= now) {
      pending.delete(scope);
      scope.expire();
    } else if (scope.deadline < next) next = scope.deadline;
  }
  if (next < Infinity) arm(next);
}

/**
 * A controller a call hands fetch, reused by later calls: fetch needs an AbortSignal for a call to be
 * cancellable at all, and Node 20 takes about 3 µs to build one (an EventTarget given AbortSignal's
 * prototype), as much as the rest of the client's own work on a small call. A call that ends without having been cancelled gives its controller back; one that
 * has aborted is never reused. undici leaves a listener on the signal for each request it carried
 * (dropped only once that request is garbage-collected), and aborting a request that has ended does
 * nothing, so a controller serves a bounded number of calls, which keeps that list short. Every call
 * has read or cancelled its answer's body before it ends (send() does), so nothing of an earlier
 * call is still listening for real.
 */
const spareControllers: [controller: AbortController, uses: number][] = [];

/**
 * One call's deadline and cancellation. fetch takes them as an AbortSignal, made only when asked for;
 * the Node transport registers a callback instead (`onCancel`): an AbortSignal, its listeners and
 * node:http's handling of it cost more than the rest of a small call.
 */
export class CallScope implements Cancellation {
  private readonly onUserAbort: (() => void) | undefined;
  private controller: AbortController | undefined;
  /** How many calls `controller` has served before this one. */
  private uses = 0;
  private cancellers: ((reason: unknown) => void)[] | undefined;
  private timedOut = false;
  private cancelled: { reason: unknown } | undefined;
  /** When the call's timeout expires (performance.now() time), Infinity without one. */
  readonly deadline: number;

  constructor(
    readonly timeoutMs: number,
    readonly userSignal: AbortSignal | undefined,
    readonly info: OperationInfo,
  ) {
    this.deadline = timeoutMs > 0 ? performance.now() + timeoutMs : Infinity;
    if (timeoutMs > 0) {
      pending.add(this);
      if (this.deadline < timerAt) arm(this.deadline);
    }
    if (!userSignal) return;
    if (userSignal.aborted) this.cancel(userSignal.reason);
    else {
      this.onUserAbort = () => this.cancel(userSignal.reason);
      userSignal.addEventListener('abort', this.onUserAbort, { once: true });
    }
  }

  /** The deadline has passed. */
  expire() {
    this.timedOut = true;
    this.cancel(undefined);
  }

  private cancel(reason: unknown) {
    if (this.cancelled) return;
    this.cancelled = { reason };
    this.controller?.abort(reason);
    for (const cancel of this.cancellers ?? []) cancel(reason ?? new Error('timed out'));
    this.cancellers = undefined;
  }

  /** The call's cancellation as an AbortSignal; undefined when there is nothing to cancel (undici's abort handling has a price). */
  get signal(): AbortSignal | undefined {
    if (this.timeoutMs <= 0 && !this.userSignal) return undefined;
    if (!this.controller) {
      [this.controller, this.uses] = spareControllers.pop() ?? [new AbortController(), 0];
      if (this.cancelled) this.controller.abort(this.cancelled.reason);
    }
    return this.controller.signal;
  }

  onCancel(cancel: (reason: unknown) => void): void {
    if (this.cancelled) cancel(this.cancelled.reason ?? new Error('timed out'));
    else (this.cancellers ??= []).push(cancel);
  }

  get aborted() {
    return this.cancelled !== undefined;
  }

  /** The typed error for a failure during this call. */
  failure(error: unknown) {
    if (this.userSignal?.aborted && !this.timedOut) {
      const reason = this.userSignal.reason as { name?: string } | undefined;
      // AbortSignal.timeout() is a deadline, not a cancellation.
      if (reason?.name === 'TimeoutError') return new TimeoutError(undefined, this.info, { cause: reason });
      return new AbortedError(`${this.info.method} ${this.info.path}: aborted by the caller`, this.info, { cause: reason });
    }
    if (this.aborted) return new TimeoutError(this.timeoutMs, this.info);
    const code = errorCode(error);
    return new ConnectionError(`${this.info.method} ${this.info.path}: connection failed${code ? ` (${code})` : ''}`, this.info, { cause: error });
  }

  /** The call is over (its answer read or given up): it cannot be cancelled any more. */
  end() {
    this.cancellers = undefined;
    pending.delete(this);
    if (this.onUserAbort) this.userSignal?.removeEventListener('abort', this.onUserAbort);
    const controller = this.controller;
    this.controller = undefined;
    // Only cancel() aborts a call's controller, so one whose call was never cancelled has not aborted.
    // At most 8 calls per controller, and 16 controllers kept.
    if (controller && !this.cancelled && ++this.uses < 8 && spareControllers.length < 16) spareControllers.push([controller, this.uses]);
  }
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Sends a request and reads the answer; see the top of this file. */
export async function send(config: ResolvedConfig, request: OutgoingRequest, scope: CallScope, retry: Required<RetryOptions>): Promise<ReceivedResponse> {
  const idempotent = request.method === 'GET' || request.method === 'HEAD';
  let waited = 0;

  /** How long to wait before the next attempt, or why not to make one. */
  const plan = (attempt: number, retryAfterMs: number | undefined): { delay: number } | { stop: string } => {
    if (attempt >= retry.maxRetries) return { stop: `no retries left (retry.maxRetries ${retry.maxRetries})` };
    if (retryAfterMs !== undefined && retryAfterMs > retry.maxDelayMs) return { stop: `that is longer than retry.maxDelayMs (${retry.maxDelayMs} ms) allows waiting` };
    const delay = retryAfterMs ?? Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    if (waited + delay > retry.maxTotalDelayMs) return { stop: `that would exceed retry.maxTotalDelayMs (${retry.maxTotalDelayMs} ms) of waiting` };
    // A wait the timeout would cut short is not started: the answer in hand says more than a timeout.
    if (performance.now() + delay >= scope.deadline) return { stop: `that is later than the call's ${scope.timeoutMs} ms timeout allows` };
    return { delay };
  };

  const wait = async (delay: number) => {
    waited += delay;
    await sleep(delay, scope.signal).catch((reason: unknown) => {
      throw scope.failure(reason);
    });
  };

  /** Waits before the next attempt, or returns false when the policy says stop. */
  const backoff = async (attempt: number): Promise<boolean> => {
    const next = plan(attempt, undefined);
    if ('stop' in next) return false;
    await wait(next.delay);
    return true;
  };

  let refusals = 0;
  const init: ExchangeInit = { method: request.method, headers: request.headers, scope };
  if (request.body !== undefined) init.body = request.body;

  for (let attempt = 0; ; attempt += 1) {
    // The URL is parsed only when a redirect has to be judged: most calls never need it.
    let href = request.url;
    let visited: string[] | undefined;
    const started = config.onResponse ? performance.now() : 0;
    let response: Exchange;
    try {
      for (;;) {
        if (config.onRequest) notify(config.onRequest, { method: request.method, url: href, attempt: attempt + 1 });
        response = await config.exchange(href, init);
        if (response.status < 300 || response.status >= 400) break;
        // A browser hides where a manual redirect goes.
        if (response.opaqueRedirect) {
          throw new RedirectError(`${request.info.method} ${request.info.path}: the server redirected, and the browser does not say where to; set baseUrl to the server's final address`, 0, undefined, request.info);
        }
        visited ??= [href];
        let next: URL | undefined;
        try {
          // The redirect policy is loaded when a server first redirects: a client set up with the
          // server's address never needs it, and it stays out of the bundle every page loads.
          next = REDIRECT_STATUSES.has(response.status) ? (await import('./redirects.js')).nextLocation(response, new URL(href), request, visited) : undefined;
        } catch (refused) {
          await response.discard();
          throw refused;
        }
        if (!next) break;
        await response.discard();
        href = next.href;
        visited.push(href);
      }
    } catch (error) {
      if (error instanceof RedirectError) throw error;
      const retryable = !scope.aborted && (idempotent || NEVER_SENT_CODES.has(errorCode(error) ?? ''));
      if (retryable && (await backoff(attempt))) continue;
      throw scope.failure(error);
    }
    let body: string;
    try {
      body = await response.text(config.maxResponseBytes, request.info);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw error;
      // The connection broke mid-body: the server did answer, so only a GET may be repeated.
      if (idempotent && !scope.aborted && (await backoff(attempt))) continue;
      throw scope.failure(error);
    }
    if (config.onResponse) {
      notify(config.onResponse, { method: request.method, url: href, attempt: attempt + 1, status: response.status, durationMs: performance.now() - started, requestId: redactedId(requestIdOf(response), config.secrets) });
    }
    let gaveUp: string | undefined;
    if (idempotent && RETRY_STATUSES.has(response.status)) {
      refusals += 1;
      const retryAfter = response.header('retry-after');
      const retryAfterMs = parseRetryAfter(retryAfter);
      const next = plan(attempt, retryAfterMs);
      if ('delay' in next) {
        await wait(next.delay);
        continue;
      }
      // A first refusal that did not ask to come back needs no note; the note's wording is loaded
      // only for a call that is failing anyway, out of the bundle every page loads.
      if (attempt > 0 || retryAfter !== null) gaveUp = (await import('./refusal-note.js')).refusalNote(response.status, refusals, attempt + 1, retryAfter, retryAfterMs, next.stop);
    }
    return new Received(response, href, body, gaveUp);
  }
}

/** Calls a logging hook; a hook that throws must not fail the call it is watching. */
function notify<E>(hook: (event: E) => void, event: E): void {
  try {
    hook(event);
  } catch {
    // ignored on purpose
  }
}

const redactedId = (id: string | undefined, secrets: readonly string[]) => (id === undefined ? id : redactText(id, secrets));

/** The request id a server or a proxy in front of it put on an answer, if any. */
export function requestIdOf(answer: { header(name: string): string | null }): string | undefined {
  return answer.header('x-request-id') ?? answer.header('x-correlation-id') ?? answer.header('request-id') ?? undefined;
}
