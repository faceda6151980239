// Which headers cross the hop when the proxy forwards a request to a real server, and back.
// Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection: the fixed list, every header the
// Connection header names, and the proxy credentials (Proxy-Authorization is for this proxy, never
// the server behind it). `expect` stays too, since the 100-continue handshake was already done
// with the client; `host` and `content-length` are set again for the next hop.
import type { IncomingHttpHeaders } from 'node:http';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** The names a Connection header lists, lower case. */
function connectionNamed(value: string | string[] | null | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
}

/** The headers of an incoming request, as they should be forwarded upstream. */
export function forwardedRequestHeaders(incoming: IncomingHttpHeaders): Headers {
  const drop = new Set([...HOP_BY_HOP, ...connectionNamed(incoming.connection), 'host', 'content-length', 'expect']);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || drop.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/**
 * The headers of an upstream response, as they should be passed back to the client. The body is
 * passed on decompressed, so Content-Encoding and Content-Length do not apply to it any more; every
 * Set-Cookie is kept as its own header (joined, they could not be told apart).
 */
export function forwardedResponseHeaders(response: Response): Record<string, string | string[]> {
  const drop = new Set([...HOP_BY_HOP, ...connectionNamed(response.headers.get('connection')), 'content-encoding', 'content-length', 'set-cookie']);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (!drop.has(name)) headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}
