// Validates the client's options once, at construction, so a wrong setup fails loudly and early.
import { InvalidArgumentError } from './errors.js';
import { fetchExchanger, type Exchanger } from './exchange.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). 0 switches retries off. */
  maxRetries?: number;
  /** First backoff delay in ms (default 300); doubles on each retry, with full jitter. */
  baseDelayMs?: number;
  /** Longest single wait in ms, whether from backoff or Retry-After (default 10 000). A longer Retry-After is not waited for. */
  maxDelayMs?: number;
  /** Total time in ms that may be spent waiting between attempts of one call (default 30 000). */
  maxTotalDelayMs?: number;
}

/** Passed to `onRequest` before each attempt (and each redirect followed). Never holds the token. */
export interface RequestEvent {
  method: string;
  url: string;
  /** 1 for the first try, 2 for the first retry... */
  attempt: number;
}

/** Passed to `onResponse` once an answer has been read. */
export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
  /** The request id the server or a proxy in front of it set (X-Request-Id and the like). */
  requestId: string | undefined;
}

export interface ClientOptions {
  /** Your server, e.g. `https://pa.example.com` (a trailing `/api` is accepted too). */
  baseUrl: string;
  /** An API token created in Permission Assist (`pa_...`). */
  token: string;
  /**
   * A fetch implementation (default: the global fetch). The client from `@permission-assist/client/node`
   * sends through node:http with keep-alive instead, unless a fetch is passed here.
   */
  fetch?: typeof globalThis.fetch;
  /** Default timeout of each call in ms, retries included (default 30 000). 0 disables it. */
  timeoutMs?: number;
  /** Retry policy for GETs (POSTs are only retried when the connection was refused). `false` disables retries. */
  retry?: RetryOptions | false;
  /** Replaces the default User-Agent (Node only; browsers do not let scripts set it). */
  userAgent?: string;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /**
   * Largest answer the client reads, in bytes (default 32 MiB; a page of 50 records is far below
   * 1 MiB). A larger one, or one that never ends, fails with ResponseTooLargeError. 0 removes the limit.
   */
  maxResponseBytes?: number;
  /** Logging hook: called before each attempt of every call, and each redirect followed. */
  onRequest?: (event: RequestEvent) => void;
  /** Logging hook: called when an answer has been read (before a retry of it, too). */
  onResponse?: (event: ResponseEvent) => void;
}

export interface ResolvedConfig {
  origin: string;
  token: string;
  /** What errors must never carry: the token, also as it looks URL-encoded. */
  secrets: string[];
  /** Sends one request: through `fetch`, or the Node entry's node:http transport. */
  exchange: Exchanger;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  /** Every call's headers, the Authorization header included. */
  headers: Record<string, string>;
  maxResponseBytes: number;
  onRequest: ((event: RequestEvent) => void) | undefined;
  onResponse: ((event: ResponseEvent) => void) | undefined;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export const DEFAULT_RETRY: Required<RetryOptions> = { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 10_000, maxTotalDelayMs: 30_000 };

/** A retry policy with `override` applied: unchanged when undefined, no retries when false. */
export function mergeRetry(base: Required<RetryOptions>, override: RetryOptions | false | undefined): Required<RetryOptions> {
  if (override === undefined) return base;
  if (override === false) return { ...base, maxRetries: 0 };
  return { ...base, ...override };
}
/** Sent in the User-Agent; test/package.test.ts keeps it equal to package.json's version. */
export const CLIENT_VERSION = '0.1.0';

function nonNegative(value: unknown, field: string, problems: { field: string; message: string }[]) {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    problems.push({ field, message: `must be a number of 0 or more, got ${JSON.stringify(value)}` });
  }
}

/** `nodeExchange`: the Node entry's transport, used unless a `fetch` is passed. */
export function resolveConfig(options: ClientOptions, nodeExchange?: Exchanger): ResolvedConfig {
  const problems: { field: string; message: string }[] = [];
  if (!options || typeof options !== 'object') throw new InvalidArgumentError([{ field: 'options', message: 'must be an object with baseUrl and token' }]);

  let origin = '';
  if (typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    problems.push({ field: 'baseUrl', message: 'is required, e.g. "https://pa.example.com"' });
  } else {
    try {
      const url = new URL(options.baseUrl.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push({ field: 'baseUrl', message: `must be an http(s) URL, got protocol "${url.protocol}"` });
      else if (url.search || url.hash) problems.push({ field: 'baseUrl', message: 'must not contain a query string or fragment' });
      else if (url.username || url.password) problems.push({ field: 'baseUrl', message: 'must not contain credentials; pass the token as `token`' });
      // Every operation path already starts with /api, so the server's /api suffix is dropped here.
      origin = `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api$/, '')}`;
    } catch {
      problems.push({ field: 'baseUrl', message: `is not a valid URL: "${options.baseUrl}"` });
    }
  }

  const token = typeof options.token === 'string' ? options.token.trim() : '';
  // The token is a secret: messages say what is wrong with it, never what it is.
  const invalid = [...token].findIndex((c) => c < '!' || c > '~');
  if (!token) problems.push({ field: 'token', message: 'is required: an API token created in Permission Assist (pa_...)' });
  else if (/^bearer\s/i.test(token)) problems.push({ field: 'token', message: 'must be the token alone, without "Bearer "' });
  else if (invalid >= 0) problems.push({ field: 'token', message: `must be printable ASCII without spaces, but character ${invalid + 1} is not (check for a stray control character or line break)` });

  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function' && !(nodeExchange && options.fetch === undefined)) problems.push({ field: 'fetch', message: 'no fetch available: pass a fetch implementation' });
  nonNegative(options.timeoutMs, 'timeoutMs', problems);
  nonNegative(options.maxResponseBytes, 'maxResponseBytes', problems);
  for (const hook of ['onRequest', 'onResponse'] as const) {
    if (options[hook] !== undefined && typeof options[hook] !== 'function') problems.push({ field: hook, message: 'must be a function' });
  }
  if (options.retry) {
    for (const key of Object.keys(DEFAULT_RETRY) as (keyof RetryOptions)[]) nonNegative(options.retry[key], `retry.${key}`, problems);
  }
  if (problems.length) throw new InvalidArgumentError(problems);

  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const runtime = typeof process === 'object' && process.versions?.node ? ` node/${process.versions.node}` : '';
  headers['user-agent'] = options.userAgent ?? `permission-assist-client/${CLIENT_VERSION}${runtime}`;
  headers.authorization = `Bearer ${token}`;
  return {
    origin,
    token,
    secrets: [...new Set([token, encodeURIComponent(token)])],
    exchange: nodeExchange && options.fetch === undefined ? nodeExchange : fetchExchanger(fetchImpl),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: mergeRetry(DEFAULT_RETRY, options.retry),
    headers,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    onRequest: options.onRequest,
    onResponse: options.onResponse,
  };
}
