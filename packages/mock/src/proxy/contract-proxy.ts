// Proxy mode: forwards traffic to a real Permission Assist server and checks every request and
// response against the spec, reporting which operation, which field, what was expected and what
// was sent. The traffic itself passes through unchanged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createContract, JSON_TYPE, type Violation, loadSpec } from '@permission-assist/spec-kit';
import { LIMITS, megabytes, readBody } from '../http/body.js';
import { errorBody, HttpError } from '../http/errors.js';
import { forwardedRequestHeaders, forwardedResponseHeaders } from '../http/proxy-headers.js';
import { closeServer, finishUnreadBody, guardClientErrors, listen, requestTarget, send, sendError, serverUrl, type RequestLog, type RunningServer } from '../http/server.js';

/** Largest upstream answer the proxy holds to check (a page of 50 records is well under 1 MB). */
const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

export interface ProxyReport {
  method: string;
  url: string;
  operationId: string | undefined;
  status: number;
  violations: Violation[];
  /** Fields the server sent that the spec does not define (allowed, but worth knowing). */
  undocumented: Violation[];
}

export interface ProxyOptions {
  upstream: string;
  host?: string;
  port?: number;
  specPath?: string;
  onReport?: (report: ProxyReport) => void;
  onRequest?: (log: RequestLog) => void;
}


function upstreamOrigin(upstream: string): string {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new Error(`upstream "${upstream}" is not a URL; expected e.g. https://pa.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`upstream must be http(s), got ${url.protocol}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api$/, '')}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startContractProxy(options: ProxyOptions): Promise<RunningServer> {
  const origin = upstreamOrigin(options.upstream);
  const contract = createContract(loadSpec(options.specPath));

  const server: Server = createServer((req, res) => {
    const started = performance.now();
    handle(req, res, started).catch((error: unknown) => {
      if (error instanceof HttpError) sendError(res, error);
      else sendError(res, new HttpError(500, `pa-mock proxy failure: ${(error as Error).message}`));
      finishUnreadBody(req);
    });
  });
  guardClientErrors(server);

  async function handle(req: IncomingMessage, res: ServerResponse, started: number) {
    const body = await readBody(req, LIMITS.uploadBytes);
    const url = requestTarget(req);
    const matched = contract.match(req.method ?? 'GET', url.pathname);
    const violations: Violation[] = [];
    if (!matched) {
      violations.push({ operationId: '(none)', where: 'request', path: '/', message: `no operation of the spec matches ${req.method} ${url.pathname}`, expected: 'a documented operation', actual: `${req.method} ${url.pathname}` });
    } else {
      const contentType = req.headers['content-type'];
      const requestBody = contentType && JSON_TYPE.test(contentType) ? parseJson(body.toString('utf8')) : undefined;
      violations.push(...contract.checkRequest(matched, { query: Object.fromEntries(url.searchParams), body: requestBody, contentType: contentType ?? null }));
    }

    let upstream: Response;
    let text: string;
    try {
      upstream = await fetch(`${origin}${url.pathname}${url.search}`, {
        method: req.method,
        headers: forwardedRequestHeaders(req),
        body: body.length ? new Uint8Array(body) : undefined,
        redirect: 'manual',
      });
      text = await readCapped(upstream, MAX_RESPONSE_BYTES);
    } catch (error) {
      const reason = error instanceof HttpError ? error.message : `cannot reach ${origin}: ${(error as Error).message}`;
      send(res, 502, errorBody(502, `pa-mock proxy: ${reason}`));
      return;
    }
    let undocumented: Violation[] = [];
    if (matched) {
      const checked = contract.checkResponse(
        matched,
        { status: upstream.status, contentType: upstream.headers.get('content-type'), body: parseJson(text) },
        { undocumentedFields: true },
      );
      violations.push(...checked.violations);
      undocumented = checked.undocumented;
    }
    send(res, upstream.status, text, forwardedResponseHeaders(upstream), req.method === 'HEAD');
    options.onReport?.({ method: req.method ?? '', url: req.url ?? '', operationId: matched?.operationId, status: upstream.status, violations, undocumented });
    options.onRequest?.({ method: req.method ?? '', url: req.url ?? '', status: upstream.status, ms: performance.now() - started, violations: violations.map((v) => v.message) });
  }

  await listen(server, options.port ?? 4010, options.host ?? '127.0.0.1');
  return { url: serverUrl(server), close: () => closeServer(server) };
}

/** The body of an upstream answer, refusing to hold more than `limit` bytes (decompressed). */
async function readCapped(response: Response, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(502, `the server's answer is larger than ${megabytes(limit)}`);
  const declared = Number(response.headers.get('content-length'));
  if (!response.headers.get('content-encoding') && Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); reader && next && !next.done; next = await reader.read()) {
    size += next.value.length;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
