// Proxy mode: forwards traffic to a real Permission Assist server and checks every request and
// response against the spec, reporting which operation, which field, what was expected and what
// was sent. The traffic itself passes through unchanged.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContract, JSON_TYPE, type Violation } from '@permission-assist/spec/contract';
import { loadSpec } from '@permission-assist/spec/load';
import { forwardedRequestHeaders, forwardedResponseHeaders, listen, readBody, send, type RequestLog } from './http.js';
import { errorBody } from './error-body.js';
import type { RunningServer } from './mock-server.js';

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
    void (async () => {
      const started = performance.now();
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const matched = contract.match(req.method ?? 'GET', url.pathname);
      const violations: Violation[] = [];
      if (!matched) {
        violations.push({ operationId: '(none)', where: 'request', path: '/', message: `no operation of the spec matches ${req.method} ${url.pathname}`, expected: 'a documented operation', actual: `${req.method} ${url.pathname}` });
      } else {
        const contentType = req.headers['content-type'];
        const requestBody = contentType && JSON_TYPE.test(contentType) ? parseJson(body.toString('utf8')) : undefined;
        violations.push(...contract.checkRequest(matched, { query: Object.fromEntries(url.searchParams), body: requestBody, contentType: contentType ?? null }));
      }

      const headers = forwardedRequestHeaders(req);
      let upstream: Response;
      try {
        upstream = await fetch(`${origin}${url.pathname}${url.search}`, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined, redirect: 'manual' });
      } catch (error) {
        send(res, 502, errorBody(502, `pa-mock proxy: cannot reach ${origin}: ${(error as Error).message}`));
        return;
      }
      const text = await upstream.text();
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
      send(res, upstream.status, text, forwardedResponseHeaders(upstream));
      options.onReport?.({ method: req.method ?? '', url: req.url ?? '', operationId: matched?.operationId, status: upstream.status, violations, undocumented });
      options.onRequest?.({ method: req.method ?? '', url: req.url ?? '', status: upstream.status, ms: performance.now() - started, violations: violations.map((v) => v.message) });
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody(500, `pa-mock proxy failure: ${(error as Error).message}`));
    });
  });

  await listen(server, options.port ?? 4010, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
