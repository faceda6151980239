// What every server of this package does the same way: listen with a helpful error, answer JSON
// with safe headers, read the request target (origin-form or absolute-form), answer CORS preflights,
// and never let one request take the process down.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LIMITS, tooLarge } from './body.js';
import { errorBody, HttpError, newCorrelationId } from './errors.js';

export interface RequestLog {
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

/**
 * CORS for browser-based integrations: any origin may call, but never with cookies or HTTP
 * authentication (the API uses bearer tokens, which a page sends explicitly), so the origin is
 * not echoed and credentials are not allowed.
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Prefer, X-Request-Id',
  'access-control-expose-headers': 'X-Request-Id, Retry-After',
  'access-control-max-age': '600',
};

const SAFE = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

export function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}, head = false): void {
  if (res.headersSent || res.destroyed) return;
  const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
  const out: Record<string, string> = { ...SAFE, ...CORS, ...headers };
  if (payload !== undefined && typeof payload !== 'string') out['content-type'] = 'application/json; charset=utf-8';
  out['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(status, out);
  res.end(head ? undefined : text);
}

export function sendError(res: ServerResponse, error: HttpError, correlationId = newCorrelationId(), head = false): void {
  send(res, error.status, errorBody(error.status, error.message, error.errors, correlationId), { 'x-request-id': correlationId, ...error.headers }, head);
}

/** Answers a CORS preflight; returns false when the request is not one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false;
  send(res, 204, undefined);
  return true;
}

/**
 * The path and query of a request target. Absolute-form (`GET http://host/api/identities`, as
 * proxies send) is accepted; anything else that is not a path is a 400, not a crash.
 */
export function requestTarget(req: IncomingMessage): URL {
  const raw = req.url ?? '/';
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

/**
 * Malformed HTTP (a bad request line, oversized headers) never reaches a handler: answer it with
 * 400 and close, instead of the default bare reset.
 */
export function guardClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const body = JSON.stringify(errorBody(400, `Malformed HTTP request: ${error.message}`));
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
}

/** Answers one request; resolves with the status sent. Throw an HttpError to answer with it. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, correlationId: string) => Promise<number>;

export interface ApiServerOptions {
  onRequest?: (log: RequestLog) => void;
  /** The message of the 500 for an error that is not an HttpError (never a stack or an internal address). */
  unexpected: (error: Error) => string;
  onError?: (error: Error) => void;
}

/**
 * The HTTP server of the sandbox and of --static around their handler: a correlation id per
 * request, HttpErrors answered in the spec's Error shape and anything else as a 500, the rest of an
 * unread body drained, one log line per request, malformed HTTP answered, and a too-large body
 * announced with Expect: 100-continue refused before the client sends it.
 */
export function createApiServer(handle: RequestHandler, options: ApiServerOptions): Server {
  const server = createServer((req, res) => {
    const started = performance.now();
    const correlationId = newCorrelationId();
    handle(req, res, correlationId)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return (sendError(res, error, correlationId, req.method === 'HEAD'), error.status);
        options.onError?.(error as Error);
        sendError(res, new HttpError(500, options.unexpected(error as Error)), correlationId);
        return 500;
      })
      .then((status) => {
        // An answer sent before the whole body arrived (401, 413...): stop reading it.
        finishUnreadBody(req);
        options.onRequest?.({ method: req.method ?? '', url: req.url ?? '', status, ms: performance.now() - started, violations: [] });
      });
  });
  guardClientErrors(server);
  server.on('checkContinue', (req, res) => {
    const declared = Number(req.headers['content-length']);
    const limit = /multipart/i.test(req.headers['content-type'] ?? '') ? LIMITS.uploadBytes : LIMITS.jsonBodyBytes;
    if (Number.isFinite(declared) && declared > limit) {
      const refused = tooLarge(limit);
      sendError(res, new HttpError(refused.status, refused.message, [], { connection: 'close' }));
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
  return server;
}
