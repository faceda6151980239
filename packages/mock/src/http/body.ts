// Reads request bodies within limits. An over-limit body is refused as early as possible: from
// its Content-Length before a byte is read (and before "100 Continue" is sent), otherwise as soon as
// the count passes the limit, so a client cannot make the server buffer more than the limit.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';
import { DEFAULT_SETTINGS, type BodyRate } from './settings.js';

/** The limits pa-mock runs with (see settings.ts). */
export const LIMITS = DEFAULT_SETTINGS;

/** A byte count as people read a limit: `16 KB`, `1 MB`, `20 MB`, `1.5 MB`. */
export const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;

/** A client that went away (perhaps while its request waited for an upload slot). */
export function aborted(): HttpError {
  return new HttpError(400, 'The request was aborted before its body was complete');
}

export function isGone(req: IncomingMessage): boolean {
  return req.destroyed || (req.socket?.destroyed ?? false);
}

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is larger than the ${megabytes(limit)} this server accepts`);
}

/** Throws 413 when the declared Content-Length is over the limit. */
export function checkDeclaredLength(req: IncomingMessage, limit: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

export function tooSlow(rate: BodyRate): HttpError {
  const perSecond = rate.bytesPerSecond >= 1024 ? `${Math.round(rate.bytesPerSecond / 1024)} KB` : `${rate.bytesPerSecond} bytes`;
  return new HttpError(408, `The request body arrived slower than ${perSecond} a second (measured over ${rate.windowMs / 1000} s), the least this server accepts; it stopped reading it`, [], { connection: 'close' });
}

/**
 * Fails the read when less than the minimum rate arrived in a window, so a client that trickles its
 * body loses its place (an upload slot above all) instead of holding it. Returns a stop function.
 *
 * Only the client's slowness is judged, never the server's: the count is read after the event loop
 * has taken in what is waiting on the socket (timers run before I/O, so bytes that arrived while
 * the process was busy would not be counted yet), and a window in which the server itself was
 * stalled (its timer fired half a window late or more) is not judged at all.
 */
export function guardBodyRate(req: IncomingMessage, rate: BodyRate | undefined, fail: (error: HttpError) => void): () => void {
  if (!rate || rate.bytesPerSecond <= 0 || rate.windowMs <= 0) return () => undefined;
  const needed = (rate.bytesPerSecond * rate.windowMs) / 1000;
  let received = 0;
  let windowStart = performance.now();
  let judging: NodeJS.Immediate | undefined;
  const count = (chunk: Buffer) => {
    received += chunk.length;
  };
  const judge = () => {
    judging = undefined;
    const stalled = performance.now() - windowStart >= rate.windowMs * 1.5;
    if (!stalled && received < needed) {
      stop();
      fail(tooSlow(rate));
      return;
    }
    received = 0;
    windowStart = performance.now();
  };
  const timer = setInterval(() => {
    judging ??= setImmediate(judge);
  }, rate.windowMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    if (judging) clearImmediate(judging);
    req.off('data', count);
  };
  req.on('data', count);
  return stop;
}

const NO_BODY = Buffer.alloc(0);

/** Reads a whole body; any error while reading it is this request's 4xx, never the process's. */
export function readBody(req: IncomingMessage, limit: number, rate?: BodyRate): Promise<Buffer> {
  checkDeclaredLength(req, limit);
  if (isGone(req) && !req.complete) return Promise.reject(aborted());
  // An HTTP/1.1 request without Content-Length or Transfer-Encoding has no body (RFC 9112 6.3): no
  // need to wait for its end (Node discards the empty stream when the answer is sent).
  const { headers } = req;
  if ((headers['content-length'] === undefined || headers['content-length'] === '0') && headers['transfer-encoding'] === undefined) return Promise.resolve(NO_BODY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      stopRate();
      req.off('data', onData);
      if (error) {
        req.resume();
        reject(error);
      } else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // A small body is one chunk, passed on as it is (copying it is a microsecond of a POST).
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(tooLarge(limit));
      else chunks.push(chunk);
    };
    const stopRate = guardBodyRate(req, rate, settle);
    req.on('data', onData);
    req.on('end', () => settle());
    req.on('error', () => settle(aborted()));
    req.on('close', () => {
      if (!req.complete) settle(aborted());
    });
  });
}

/** Parses a JSON body, or says where it is malformed. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'One or more validation errors occurred', [{ field: 'body', message: `Body is not valid JSON: ${(error as Error).message}` }]);
  }
}

/** Drains a body the operation does not take, so the connection can be reused. */
export function discardBody(req: IncomingMessage, limit: number, rate?: BodyRate): Promise<void> {
  return readBody(req, limit, rate).then(() => undefined);
}
