// Proxy mode: forwards traffic to a real Permission Assist server and checks every request and
// response against the spec, reporting which operation, which field, what was expected and what
// was sent. The traffic itself passes through unchanged, and answers are streamed to the client as
// they arrive: only the first `checkBytes` of each are held for the check, so a large answer costs
// the proxy that much memory, not its whole size.
import type { ServerResponse } from 'node:http';
import { createContract, JSON_TYPE, type Violation, loadSpec } from '@permission-assist/spec-kit';
import { writeHead } from '../http/answer-head.js';
import { megabytes, readBody } from '../http/body.js';
import { HttpError } from '../http/errors.js';
import { createFrontDoor, type Exchange } from '../http/front-door.js';
import { forwardedRequestHeaders, forwardedResponseHeaders } from '../http/proxy-headers.js';
import { declaredLimit } from '../http/request-body.js';
import { closeServer, listen, serverUrl, type RequestLog, type RunningServer } from '../http/server.js';
import { bodyRateOf, httpSettings, type HttpSettings } from '../http/settings.js';

/** How much of an upstream answer the proxy holds to check it (a page of 50 records is well under 1 MB). */
const CHECK_BYTES = 8 * 1024 * 1024;

export interface ProxyReport {
  method: string;
  url: string;
  operationId: string | undefined;
  status: number;
  violations: Violation[];
  /** Fields the server sent that the spec does not define (allowed, but worth knowing). */
  undocumented: Violation[];
  /** Why the answer's body was not checked (larger than the proxy holds, cut off), if it was not. */
  unchecked?: string;
}

export interface ProxyOptions {
  upstream: string;
  host?: string;
  port?: number;
  specPath?: string;
  /** Host names to answer to besides localhost, IP addresses and `host`. */
  allowHosts?: string[];
  /** Tighter (or looser) limits and timeouts than pa-mock's defaults (`upstreamTimeoutMs` among them). */
  http?: Partial<HttpSettings>;
  /** Largest part of an answer held to check it; larger answers pass through unchecked (default 8 MB). */
  checkBytes?: number;
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

/** Writes a chunk, waiting for the client to take it; false once the client has gone. */
function write(res: ServerResponse, chunk: Uint8Array): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => (res.off('drain', done), res.off('close', done), resolve(!res.destroyed));
    res.once('drain', done).once('close', done);
  });
}

export async function startContractProxy(options: ProxyOptions): Promise<RunningServer> {
  const origin = upstreamOrigin(options.upstream);
  const contract = createContract(loadSpec(options.specPath));
  const settings = httpSettings(options.http);
  const checkBytes = options.checkBytes ?? CHECK_BYTES;
  const host = options.host ?? '127.0.0.1';
  const seconds = (ms: number) => `${ms / 1000} s`;

  async function handle({ req, res, url, head }: Exchange): Promise<number> {
    // Uploads must keep arriving, as in the sandbox; a JSON body is small and the request timeout bounds it.
    const upload = /^\s*multipart\//i.test(req.headers['content-type'] ?? '');
    const body = await readBody(req, settings.uploadBytes, upload ? bodyRateOf(settings) : undefined);
    const matched = contract.match(req.method ?? 'GET', url.pathname);
    const violations: Violation[] = [];
    if (!matched) {
      violations.push({ operationId: '(none)', where: 'request', path: '/', message: `no operation of the spec matches ${req.method} ${url.pathname}`, expected: 'a documented operation', actual: `${req.method} ${url.pathname}` });
    } else {
      const contentType = req.headers['content-type'];
      const requestBody = contentType && JSON_TYPE.test(contentType) ? parseJson(body.toString('utf8')) : undefined;
      violations.push(...contract.checkRequest(matched, { query: Object.fromEntries(url.searchParams), body: requestBody, contentType: contentType ?? null }));
    }

    // One timer covers the wait for the answer to start and every wait between its chunks.
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error(`no data from ${origin} for ${seconds(settings.upstreamTimeoutMs)}`)), settings.upstreamTimeoutMs);
    };
    res.once('close', () => controller.abort(new Error('the client went away')));
    arm();
    let upstream: Response;
    try {
      upstream = await fetch(`${origin}${url.pathname}${url.search}`, {
        method: req.method,
        headers: forwardedRequestHeaders(req.headers),
        body: body.length ? new Uint8Array(body) : undefined,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (error) {
      clearTimeout(timer);
      const timedOut = controller.signal.aborted;
      const reason = timedOut ? `${origin} did not answer within ${seconds(settings.upstreamTimeoutMs)}` : `cannot reach ${origin}: ${(error as Error).message}`;
      throw new HttpError(timedOut ? 504 : 502, `pa-mock proxy: ${reason}`);
    }

    // Stream the answer on as it arrives, holding only what the check needs.
    writeHead(res, upstream.status, forwardedResponseHeaders(upstream));
    const held: Uint8Array[] = [];
    let heldBytes = 0;
    let unchecked: string | undefined;
    const reader = head ? undefined : upstream.body?.getReader();
    try {
      for (arm(), reader; reader; arm()) {
        const next = await reader.read();
        if (next.done) break;
        if (unchecked === undefined) {
          heldBytes += next.value.length;
          if (heldBytes > checkBytes) {
            unchecked = `the answer is larger than the ${megabytes(checkBytes)} the proxy holds to check`;
            held.length = 0;
          } else held.push(next.value);
        }
        if (!(await write(res, next.value))) throw new Error('the client went away');
      }
      res.end();
    } catch (error) {
      unchecked = `the answer was cut off: ${controller.signal.aborted ? (controller.signal.reason as Error).message : (error as Error).message}`;
      await reader?.cancel().catch(() => undefined);
      res.destroy();
    } finally {
      clearTimeout(timer);
      if (head) await upstream.body?.cancel().catch(() => undefined);
    }

    let undocumented: Violation[] = [];
    if (matched && unchecked === undefined) {
      const text = Buffer.concat(held).toString('utf8');
      const checked = contract.checkResponse(matched, { status: upstream.status, contentType: upstream.headers.get('content-type'), body: parseJson(text) }, { undocumentedFields: true });
      violations.push(...checked.violations);
      undocumented = checked.undocumented;
    }
    options.onReport?.({ method: req.method ?? '', url: req.url ?? '', operationId: matched?.operationId, status: upstream.status, violations, undocumented, ...(unchecked ? { unchecked } : {}) });
    return upstream.status;
  }

  const server = createFrontDoor(handle, {
    settings,
    allowHosts: [host, ...(options.allowHosts ?? [])],
    // Traffic passes unchanged: the real server's CORS and caching headers, its answers to OPTIONS.
    safeHeaders: false,
    bodyLimit: declaredLimit({ ...settings, jsonBodyBytes: settings.uploadBytes }),
    onRequest: options.onRequest,
    unexpected: (error) => `pa-mock proxy failure: ${error.message}`,
  });
  await listen(server, options.port ?? 4010, host);
  return { url: serverUrl(server), close: () => closeServer(server) };
}

