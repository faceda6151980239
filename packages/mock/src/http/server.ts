// Pieces every server of this package shares: answering JSON in the spec's Error shape, decoding a
// path segment, listening with a helpful error, closing. The request pipeline itself is
// front-door.ts; the request target is read by request-target.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { headerList, putHeader, type HeaderValue } from './answer-head.js';
import { errorBody, HttpError, newCorrelationId } from './errors.js';

export interface RequestLog {
  /** The X-Request-Id of the answer (the correlationId of an error body). */
  requestId: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  violations: string[];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a whole answer: the front door's headers (answer-head.ts), `headers`, then the body's type and length. */
export function send(res: ServerResponse, status: number, payload: unknown, headers?: Record<string, HeaderValue>, head = false): void {
  if (res.headersSent || res.destroyed) return;
  const json = payload !== undefined && typeof payload !== 'string' && !Buffer.isBuffer(payload);
  const text: string | Buffer = payload === undefined ? '' : json ? JSON.stringify(payload) : (payload as string | Buffer);
  const list = headerList(res, headers);
  if (json) putHeader(list, 'content-type', JSON_TYPE);
  putHeader(list, 'content-length', String(Buffer.byteLength(text)));
  res.writeHead(status, list);
  res.end(head ? undefined : text);
}

export function sendError(res: ServerResponse, error: HttpError, correlationId = newCorrelationId(), head = false): void {
  send(res, error.status, errorBody(error.status, error.message, error.errors, correlationId), { 'x-request-id': correlationId, ...error.headers }, head);
}

/** Decodes one path segment; malformed percent-encoding (`%ff`) is a 400 naming the parameter. */
export function decodeSegment(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'One or more validation errors occurred', [{ field: name, message: `${name} is not valid percent-encoding` }]);
  }
}

/**
 * After answering a request whose body is still arriving (401, 413...): discard the rest for a
 * while, then close. Closing at once would make the kernel reset the connection, which can destroy
 * the answer before the client reads it; waiting forever would let a client send without end.
 */
export function finishUnreadBody(req: IncomingMessage, lingerMs = 5000): void {
  if (req.complete || req.destroyed) return;
  req.resume();
  const timer = setTimeout(() => req.socket?.destroy(), lingerMs);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

/** Listens, turning "port in use" into a message a person can act on. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use: stop what is using it or pass --port <another>`));
      else if (error.code === 'EACCES') reject(new Error(`no permission to listen on ${host}:${port}: pick a port above 1023`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** The URL of a listening server, with IPv6 hosts in brackets. */
export function serverUrl(server: Server): string {
  const { address, port } = server.address() as { address: string; port: number };
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** Closes a server and every connection it holds. */
export function closeServer(server: Server & { closeAllConnections(): void }): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

