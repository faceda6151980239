// The fetch that openapi-fetch calls: retries with exponential backoff and full jitter (honouring
// Retry-After), the whole body read inside the retry loop, and every failure turned into a typed
// error. GETs are retried on network errors, 429, 502, 503 and 504. A request with a body is retried
// only when the connection was refused, i.e. it cannot have reached the server: creating a
// personnel event twice is worse than reporting a failure.
import type { ResolvedConfig } from './config.js';
import { AbortedError, ConnectionError, TimeoutError, type OperationInfo } from './errors.js';

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TIMEOUT_REASON = 'permission-assist-timeout';

/**
 * What openapi-fetch builds for each call (its documented `Request` option). A plain record of the
 * URL and init: the transport makes the one real fetch call from it, so no Request is built twice,
 * and a JSON string or FormData body can be sent again as it is.
 */
export class PreparedRequest {
  readonly url: string;
  readonly init: RequestInit;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal | null | undefined;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.init = init;
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal;
  }
}

/** One call's deadline and cancellation, as one AbortSignal (or none when there is neither). */
export class CallScope {
  readonly signal: AbortSignal | undefined;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort: (() => void) | undefined;
  private timedOut = false;

  constructor(
    readonly timeoutMs: number,
    readonly userSignal: AbortSignal | undefined,
    readonly info: OperationInfo,
  ) {
    // No signal at all when there is nothing to cancel: undici's abort plumbing costs ~7% per request.
    if (timeoutMs <= 0 && !userSignal) return;
    const controller = new AbortController();
    this.signal = controller.signal;
    if (timeoutMs > 0) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        controller.abort(TIMEOUT_REASON);
      }, timeoutMs);
    }
    if (!userSignal) return;
    if (userSignal.aborted) controller.abort(userSignal.reason);
    else {
      this.onUserAbort = () => controller.abort(userSignal.reason);
      userSignal.addEventListener('abort', this.onUserAbort, { once: true });
    }
  }

  get aborted() {
    return this.signal?.aborted ?? false;
  }

  /** The typed error for a failure during this call. */
  failure(error: unknown) {
    if (this.userSignal?.aborted && !this.timedOut) {
      return new AbortedError(`${this.info.method} ${this.info.path}: aborted by the caller`, this.info, { cause: this.userSignal.reason });
    }
    if (this.aborted) return new TimeoutError(this.timeoutMs, this.info);
    const code = errorCode(error);
    return new ConnectionError(`${this.info.method} ${this.info.path}: connection failed${code ? ` (${code})` : ''}`, this.info, { cause: error });
  }

  end() {
    if (this.timer) clearTimeout(this.timer);
    if (this.onUserAbort) this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}

/**
 * A response whose body has been read. Resource methods only need status, headers and the text, so
 * they get this light record; the raw client gets a real Response built from it.
 */
export interface BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  text(): Promise<string>;
}

const decoder = new TextDecoder();

function buffered(response: Response, body: ArrayBuffer): BufferedResponse {
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: response.headers,
    text: async () => decoder.decode(body),
  };
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

/**
 * A fetch for openapi-fetch. With `scope`, it serves one call of a resource method; without, it
 * serves the raw client and opens a scope per request with the client's default timeout.
 */
export function createTransport(config: ResolvedConfig, scope?: CallScope): typeof fetch {
  const { retry } = config;
  return async function transport(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = input instanceof PreparedRequest ? input : new PreparedRequest(input instanceof Request ? input.url : input, init);
    const call = scope ?? new CallScope(config.timeoutMs, request.signal ?? undefined, { method: request.method, path: new URL(request.url).pathname });
    const idempotent = request.method === 'GET' || request.method === 'HEAD';
    const fetchInit: RequestInit = { ...request.init, headers: request.headers, signal: call.signal ?? null };
    let waited = 0;

    /** Waits before the next attempt, or returns false when the policy says stop. */
    const backoff = async (attempt: number, retryAfterMs: number | undefined): Promise<boolean> => {
      if (attempt >= retry.maxRetries) return false;
      if (retryAfterMs !== undefined && retryAfterMs > retry.maxDelayMs) return false;
      const delay = retryAfterMs ?? Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
      if (waited + delay > retry.maxTotalDelayMs) return false;
      waited += delay;
      await sleep(delay, call.signal).catch((reason: unknown) => {
        throw call.failure(reason);
      });
      return true;
    };

    try {
      for (let attempt = 0; ; attempt += 1) {
        let response: Response;
        try {
          response = await config.fetch(request.url, fetchInit);
        } catch (error) {
          const retryable = !call.aborted && (idempotent || NEVER_SENT_CODES.has(errorCode(error) ?? ''));
          if (retryable && (await backoff(attempt, undefined))) continue;
          throw call.failure(error);
        }
        // Bytes, not text: a string body would make Response invent a text/plain content type.
        let body: ArrayBuffer;
        try {
          body = await response.arrayBuffer();
        } catch (error) {
          // The connection broke mid-body: the server did answer, so only a GET may be repeated.
          if (idempotent && !call.aborted && (await backoff(attempt, undefined))) continue;
          throw call.failure(error);
        }
        if (idempotent && RETRY_STATUSES.has(response.status)) {
          if (await backoff(attempt, parseRetryAfter(response.headers.get('retry-after')))) continue;
        }
        if (scope) return buffered(response, body) as Response;
        const empty = body.byteLength === 0 || response.status === 204 || response.status === 304;
        return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
      }
    } finally {
      if (!scope) call.end();
    }
  };
}
