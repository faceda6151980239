// The one request pipeline of the sandbox, --static and the proxy. Every request gets, in order:
// a request id; the server's timeouts (headers, whole request, keep-alive, idle); a Host check
// (DNS rebinding); its target parsed; the CORS policy (preflights answered here); then the server's
// own handler, which reads its body through body.ts/request-body.ts (limits, minimum rate, 415).
// Whatever goes wrong becomes that request's answer in the spec's Error shape: never the process's.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { FrontDoorResponse, SAFE_HEADERS } from './answer-head.js';
import { checkDeclaredLength } from './body.js';
import { applyCors, type CorsPolicy } from './cors.js';
import { errorBody, HttpError, newCorrelationId } from './errors.js';
import { createHostCheck } from './hosts.js';
import { requestTarget, type RequestTarget } from './request-target.js';
import { finishUnreadBody, sendError, type RequestLog } from './server.js';
import type { HttpSettings } from './settings.js';

export interface Exchange {
  req: IncomingMessage;
  res: FrontDoorResponse;
  correlationId: string;
  url: RequestTarget;
  head: boolean;
}

/** Answers one request; resolves with the status sent. Throw an HttpError to answer with it. */
export type ExchangeHandler = (exchange: Exchange) => Promise<number>;

export interface FrontDoorOptions {
  settings: HttpSettings;
  /** Host names accepted besides localhost and IP addresses (the --host name, --allow-host names). */
  allowHosts: readonly string[];
  /** Paths open to other origins; preflights are answered here. Without one, OPTIONS goes to the handler (the proxy forwards it). */
  cors?: CorsPolicy;
  /** nosniff and no-store on every answer (the proxy passes the real server's caching headers on instead). */
  safeHeaders?: boolean;
  /** The largest body a request with this Content-Type may declare, checked before "100 Continue". */
  bodyLimit: (contentType: string) => number;
  onRequest?: (log: RequestLog) => void;
  /** The message of the 500 for an error that is not an HttpError (never a stack or an internal address). */
  unexpected: (error: Error) => string;
  onError?: (error: Error) => void;
}

/** What Node reports for a request it refused before a handler ran, as the status to answer. */
function clientErrorStatus(code: string | undefined): [number, string] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'The request did not arrive in time'];
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'The request headers are too large'];
  return [400, 'Malformed HTTP request'];
}

/** A node:http server whose responses are FrontDoorResponses. */
export type FrontDoorServer = Server<typeof IncomingMessage, typeof FrontDoorResponse>;

export function createFrontDoor(handle: ExchangeHandler, options: FrontDoorOptions): FrontDoorServer {
  const { settings } = options;
  const checkHost = createHostCheck(options.allowHosts);
  const requestTimeout = settings.requestTimeoutMs;
  const server = createServer<typeof IncomingMessage, typeof FrontDoorResponse>({
    ServerResponse: FrontDoorResponse,
    requestTimeout,
    headersTimeout: requestTimeout > 0 ? Math.min(settings.headersTimeoutMs, requestTimeout) : settings.headersTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    // Node checks the header and request timeouts on this interval (30 s by default, which would
    // let a slow client hold its connection up to 30 s past its timeout).
    connectionsCheckingInterval: Math.max(25, Math.min(1000, settings.headersTimeoutMs / 4)),
  });
  server.setTimeout(settings.idleTimeoutMs);
  const safety = options.safeHeaders === false ? [] : SAFE_HEADERS;

  /** Checks that need no body: refused here, a request is answered before "100 Continue". */
  const admit = (req: IncomingMessage) => {
    checkHost(req.headers.host);
    checkDeclaredLength(req, options.bodyLimit(req.headers['content-type'] ?? ''));
  };

  /** One request, start to end; never rejects (what goes wrong is the request's answer). */
  const serve = async (req: IncomingMessage, res: FrontDoorResponse): Promise<void> => {
    const started = options.onRequest ? performance.now() : 0;
    const correlationId = newCorrelationId();
    const head = req.method === 'HEAD';
    res.requestId = correlationId;
    res.safety = safety;
    let status: number;
    try {
      admit(req);
      const url = requestTarget(req.url);
      status = options.cors && applyCors(req, res, url.pathname, options.cors) ? 204 : await handle({ req, res, correlationId, url, head });
    } catch (error) {
      if (error instanceof HttpError) status = error.status;
      else {
        options.onError?.(error as Error);
        error = new HttpError(500, options.unexpected(error as Error));
        status = 500;
      }
      sendError(res, error as HttpError, correlationId, head);
    }
    // An answer sent before the whole body arrived (401, 413, 408...): stop reading it.
    finishUnreadBody(req);
    options.onRequest?.({ requestId: correlationId, method: req.method ?? '', url: req.url ?? '', status, ms: performance.now() - started, violations: [] });
  };
  const onRequest = (req: IncomingMessage, res: FrontDoorResponse) => void serve(req, res);
  server.on('request', onRequest);

  server.on('checkContinue', (req: IncomingMessage, res: FrontDoorResponse) => {
    try {
      admit(req);
    } catch (error) {
      const refused = error as HttpError;
      sendError(res, new HttpError(refused.status, refused.message, refused.errors, { ...refused.headers, connection: 'close' }));
      return;
    }
    res.writeContinue();
    onRequest(req, res);
  });

  // Malformed HTTP, oversized headers and timed-out requests never reach a handler: answer them in
  // the Error shape and close, instead of Node's bare reset or body-less answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Node's own rule: once an answer has started on this connection, a second one cannot be sent.
    const answering = (socket as typeof socket & { _httpMessage?: ServerResponse })._httpMessage?.headersSent;
    if (!socket.writable || answering || error.code === 'ECONNRESET') return socket.destroy();
    const [status, what] = clientErrorStatus(error.code);
    const body = JSON.stringify(errorBody(status, `${what}: ${error.message}`));
    socket.end(`HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return server;
}
