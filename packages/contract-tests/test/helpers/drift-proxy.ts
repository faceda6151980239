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
  /** Rewrites the answer; undefined leaves it as it is. */
  response?(exchange: Exchange, answer: Answer): Partial<Answer> | undefined;
}

export interface DriftProxy {
  url: string;
  use(drift: Drift | undefined): void;
  close(): Promise<void>;
}

export async function startDriftProxy(upstream: string): Promise<DriftProxy> {
  let drift: Drift | undefined;
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
        const changed = { ...answer, ...drift?.response?.(exchange, answer) };
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
