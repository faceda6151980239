// A proxy in front of the sandbox that makes it drift from the spec in one chosen way at a time:
// rewrite a request on its way in, rewrite an answer on its way out, or never answer at all.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Answer {
  status: number;
  contentType: string;
  /** Parsed JSON, or the text when it is not JSON. */
  body: any;
}

export interface Drift {
  name: string;
  /** Rewrites the request (its URL or body), or 'hang' to never answer it. */
  request?(exchange: Exchange): Partial<Pick<Exchange, 'url' | 'body'>> | 'hang' | undefined;
  /** Rewrites the answer (it may first make requests of its own upstream); undefined leaves it as it is. */
  response?(exchange: Exchange, answer: Answer): Partial<Answer> | undefined | Promise<Partial<Answer> | undefined>;
}

/** What went through the proxy, in order: what the server was asked and answered. */
export interface Logged {
  method: string;
  path: string;
  search: string;
  requestBody: string;
  status: number;
  body: any;
}

export interface DriftProxy {
  url: string;
  /** Every exchange since the last clear(). */
  log: Logged[];
  clear(): void;
  use(drift: Drift | undefined): void;
  close(): Promise<void>;
}

export async function startDriftProxy(upstream: string): Promise<DriftProxy> {
  let drift: Drift | undefined;
  let log: Logged[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let exchange: Exchange = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', upstream), headers: req.headers, body: Buffer.concat(chunks) };
        const rewrite = drift?.request?.(exchange);
        if (rewrite === 'hang') {
          hanging.add(res);
          return;
        }
        exchange = { ...exchange, ...rewrite };
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection', 'expect'].includes(k))) as Record<string, string>;
        const upstreamAnswer = await fetch(exchange.url, { method: exchange.method, headers, body: exchange.body.length ? new Uint8Array(exchange.body) : undefined });
        const text = await upstreamAnswer.text();
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        const answer: Answer = { status: upstreamAnswer.status, contentType: upstreamAnswer.headers.get('content-type') ?? 'application/json', body };
        const changed = { ...answer, ...(await drift?.response?.(exchange, answer)) };
        log.push({ method: exchange.method, path: exchange.url.pathname, search: exchange.url.search, requestBody: exchange.body.toString('utf8'), status: changed.status, body: changed.body });
        res.writeHead(changed.status, { 'content-type': changed.contentType });
        res.end(typeof changed.body === 'string' ? changed.body : JSON.stringify(changed.body));
      })().catch((error: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });
  // No server-side idle timeout: on a starved event loop the server's 5 s timer and the client's
  // reuse of that idle socket fall in the same tick, and the next run's first request gets
  // ECONNRESET. The client (fetch) closes idle sockets itself; close() below ends the rest.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get log() {
      return log;
    },
    clear() {
      log = [];
    },
    use(next) {
      drift = next;
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Shorthands for the common rewrites. */
export const is = (exchange: Exchange, method: string, path: RegExp) => exchange.method === method && path.test(exchange.url.pathname);

/** A server without the sandbox's control plane: /sandbox answers 404, as on a real server. */
export const realServer: Drift = {
  name: 'no control plane',
  response: (x) => (x.url.pathname.startsWith('/sandbox') ? { status: 404, contentType: 'application/json', body: { error: 'not_found', message: 'Not found', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' } } : undefined),
};

/** Several drifts at once: requests rewritten by the first that does, answers by each in turn. */
export function combine(...drifts: Drift[]): Drift {
  return {
    name: drifts.map((d) => d.name).join(' + '),
    request(x) {
      for (const d of drifts) {
        const rewrite = d.request?.(x);
        if (rewrite) return rewrite;
      }
      return undefined;
    },
    async response(x, a) {
      let answer = a;
      for (const d of drifts) answer = { ...answer, ...(await d.response?.(x, answer)) };
      return answer;
    },
  };
}
