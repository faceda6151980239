// Pieces every server of this package shares: answering JSON in the spec's Error shape, reading the
// request target (origin-form or absolute-form), listening with a helpful error, closing. The
// request pipeline itself is front-door.ts.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
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

export const SAFE_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** Writes a whole answer (headers the front door set with setHeader are kept unless replaced). */
export function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string | string[]> = {}, head = false): void {
  if (res.headersSent || res.destroyed) return;
  const text = payload === undefined ? '' : typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  const out: Record<string, string | string[]> = { ...headers };
  if (payload !== undefined && typeof payload !== 'string' && !Buffer.isBuffer(payload)) out['content-type'] = 'application/json; charset=utf-8';
  out['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(status, out);
  res.end(head ? undefined : text);
}

export function sendError(res: ServerResponse, error: HttpError, correlationId = newCorrelationId(), head = false): void {
  send(res, error.status, errorBody(error.status, error.message, error.errors, correlationId), { 'x-request-id': correlationId, ...error.headers }, head);
}

/**
 * The path and query of a request target. Absolute-form (`GET http://host/api/identities`, as
 * proxies send) is accepted; anything else that is not a path is a 400, not a crash.
 */
export function requestTarget(req: IncomingMessage): URL {
  const raw = req.url ?? '/';
  // The usual origin-form target ("/api/x?y"): one parse. A target starting with two slashes (or a
  // slash and a backslash) would be read as a host, and a fragment must go: those take the general path.
  if (raw.charCodeAt(0) === 47 && raw.charCodeAt(1) !== 47 && raw.charCodeAt(1) !== 92 && !raw.includes('#')) {
    try {
      const url = new URL(raw, 'http://target');
      if (url.pathname.charCodeAt(1) !== 47) return url;
    } catch {
      // the general path below names the target in its 400
    }
  }
  try {
    const url = /^https?:\/\//i.test(raw) ? new URL(raw) : new URL(raw.startsWith('/') ? raw : `/${raw}`, 'http://target');
    return new URL(`${url.pathname}${url.search}`, 'http://target');
  } catch {
    throw new HttpError(400, `The request target ${JSON.stringify(raw.slice(0, 100))} is not a valid path`);
  }
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
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

