// Small HTTP helpers shared by the mock and the contract proxy.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RequestLog {
  method: string;
  url: string;
  status: number;
  ms: number;
  violations: string[];
}

const MAX_BODY = 50 * 1024 * 1024;
/** Connection-level headers that must not be copied from one hop to the next. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

/** The headers of an incoming request, as they should be forwarded upstream. */
export function forwardedRequestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The headers of an upstream response, as they should be passed back to the client. */
export function forwardedResponseHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  });
  return headers;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(new Error(`request body over ${MAX_BODY} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const out = { ...headers };
  if (typeof payload !== 'string') out['content-type'] = 'application/json; charset=utf-8';
  out['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(status, out);
  res.end(text);
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
