// Reads request bodies within limits. An over-limit body is refused as early as possible: from
// its Content-Length before a byte is read (and before "100 Continue" is sent), otherwise as soon as
// the count passes the limit, so a client cannot make the server buffer more than the limit.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

export const LIMITS = {
  /** Largest JSON body (the largest valid request is a few kilobytes). */
  jsonBodyBytes: 1024 * 1024,
  /** Largest multipart upload, all files together. */
  uploadBytes: 20 * 1024 * 1024,
  /** Uploads read at the same time, and how many more may wait for a turn. */
  concurrentUploads: 2,
  queuedUploads: 8,
};

/** A byte count as people read a limit: `1 MB`, `20 MB`, `1.5 MB`. */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;

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

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  checkDeclaredLength(req, limit);
  if (isGone(req) && !req.complete) return Promise.reject(aborted());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(aborted());
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
export function discardBody(req: IncomingMessage, limit: number): Promise<void> {
  return readBody(req, limit).then(() => undefined);
}
