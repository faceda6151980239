// The limits and timeouts every server of this package enforces, in one place. The defaults are
// what pa-mock runs with; tests (and startSandbox callers) may tighten them.

export interface HttpSettings {
  /** Largest JSON body (the largest valid request is a few kilobytes). */
  jsonBodyBytes: number;
  /** Largest multipart upload, all files together. */
  uploadBytes: number;
  /** Uploads read at the same time, and how many more may wait for a turn. */
  concurrentUploads: number;
  queuedUploads: number;
  /** Largest body posted to a webhook delivery's callback URL (a ticket reference, a short note). */
  callbackBodyBytes: number;
  /**
   * An upload must arrive at least this fast, measured over each window of `bodyRateWindowMs`: a
   * client that trickles its upload loses its slot instead of holding it for minutes.
   */
  minBodyBytesPerSecond: number;
  bodyRateWindowMs: number;
  /** Time to send the request line and headers. */
  headersTimeoutMs: number;
  /** Time to send the whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves for this long is closed. */
  idleTimeoutMs: number;
  /** The proxy's wait for a real server's answer to start, and between its chunks. */
  upstreamTimeoutMs: number;
}

export const DEFAULT_SETTINGS: Readonly<HttpSettings> = Object.freeze({
  jsonBodyBytes: 1024 * 1024,
  uploadBytes: 20 * 1024 * 1024,
  concurrentUploads: 2,
  queuedUploads: 8,
  callbackBodyBytes: 16 * 1024,
  minBodyBytesPerSecond: 16 * 1024,
  bodyRateWindowMs: 2000,
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5000,
  idleTimeoutMs: 30_000,
  upstreamTimeoutMs: 30_000,
});

export function httpSettings(overrides: Partial<HttpSettings> = {}): HttpSettings {
  const settings = { ...DEFAULT_SETTINGS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`http.${name} must be a number of 0 or more, got ${String(value)}`);
  }
  return settings;
}

/** The minimum body rate, as readBody and readMultipart take it. */
export interface BodyRate {
  bytesPerSecond: number;
  windowMs: number;
}

export const bodyRateOf = (settings: HttpSettings): BodyRate => ({ bytesPerSecond: settings.minBodyBytesPerSecond, windowMs: settings.bodyRateWindowMs });
