// The fetch that openapi-fetch calls: one deadline per call, retries with exponential backoff and
// full jitter (honouring Retry-After), the whole body read inside the retry loop, and every failure
// turned into a typed error. GETs are retried on network errors, 429, 502, 503 and 504. A request
// with a body is retried only when the connection was refused, i.e. it cannot have reached the server:
// creating a personnel event twice is worse than reporting a failure.
import type { ResolvedConfig } from './config.js';
import { AbortedError, ConnectionError, TimeoutError, type OperationInfo } from './errors.js';

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export interface CallOptions {
  timeoutMs: number;
  signal: AbortSignal | undefined;
  info: OperationInfo;
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
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createTransport(config: ResolvedConfig, call: CallOptions): typeof fetch {
  const { retry } = config;
  return async function transport(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : new Request(input, init);
    const deadline = call.timeoutMs > 0 ? AbortSignal.timeout(call.timeoutMs) : undefined;
    const parts = [call.signal, deadline].filter((s): s is AbortSignal => s !== undefined);
    const signal = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : AbortSignal.any(parts);
    const idempotent = request.method === 'GET' || request.method === 'HEAD';
    const pristine = request.body ? request.clone() : undefined;
    let waited = 0;

    const failure = (error: unknown) => {
      if (call.signal?.aborted) return new AbortedError(`${call.info.method} ${call.info.path}: aborted by the caller`, call.info, { cause: call.signal.reason });
      if (deadline?.aborted) return new TimeoutError(call.timeoutMs, call.info);
      const code = errorCode(error);
      return new ConnectionError(`${call.info.method} ${call.info.path}: connection failed${code ? ` (${code})` : ''}`, call.info, { cause: error });
    };

    /** Waits before the next attempt, or returns false when the policy says stop. */
    const backoff = async (attempt: number, retryAfterMs: number | undefined): Promise<boolean> => {
      if (attempt >= retry.maxRetries) return false;
      if (retryAfterMs !== undefined && retryAfterMs > retry.maxDelayMs) return false;
      const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
      const delay = retryAfterMs ?? Math.random() * exponential;
      if (waited + delay > retry.maxTotalDelayMs) return false;
      waited += delay;
      await sleep(delay, signal).catch((reason: unknown) => {
        throw failure(reason);
      });
      return true;
    };

    for (let attempt = 0; ; attempt += 1) {
      const source = attempt === 0 ? request : pristine ? pristine.clone() : request;
      let response: Response;
      try {
        response = await config.fetch(new Request(source, { signal: signal ?? null }));
      } catch (error) {
        const retryable = !signal?.aborted && (idempotent || NEVER_SENT_CODES.has(errorCode(error) ?? ''));
        if (retryable && (await backoff(attempt, undefined))) continue;
        throw failure(error);
      }
      let body: ArrayBuffer;
      try {
        body = await response.arrayBuffer();
      } catch (error) {
        // The connection broke mid-body: the server did answer, so only a GET may be repeated.
        if (idempotent && !signal?.aborted && (await backoff(attempt, undefined))) continue;
        throw failure(error);
      }
      if (idempotent && RETRY_STATUSES.has(response.status)) {
        if (await backoff(attempt, parseRetryAfter(response.headers.get('retry-after')))) continue;
      }
      const empty = body.byteLength === 0 || response.status === 204 || response.status === 304;
      return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
  };
}
