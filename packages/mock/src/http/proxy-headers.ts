// Which headers cross a hop when the mock forwards a request (--static to Prism, proxy mode to a
// real server), and back. Connection-level headers stay on their hop; `expect` too, since the
// 100-continue handshake was already done with the client (fetch refuses to send it).
import type { IncomingMessage } from 'node:http';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding', 'expect', 'upgrade', 'te', 'trailer', 'proxy-connection']);

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
