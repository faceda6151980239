// The redirect policy of the transport (transport.ts), loaded on the first redirect a server sends.
import { RedirectError } from './errors.js';
import type { Exchange } from './exchange.js';
import type { OutgoingRequest } from './transport.js';

const MAX_REDIRECTS = 5;

/**
 * Where to go after a 3xx, or an error saying why not. Followed: the same host (an http -> https
 * upgrade included), at most 5 times, never in a loop; a request with a body only on 307/308, which
 * keep the method and body. Never followed: another host (the token would go with it), a downgrade
 * to http, a 301/302/303 for a request with a body (it would silently become a GET).
 */
export function nextLocation(response: Exchange, current: URL, request: OutgoingRequest, visited: string[]): URL | undefined {
  const location = response.header('location');
  if (!location) return undefined;
  const { info, method } = request;
  const where = `${info.method} ${info.path}`;
  const next = new URL(location, current);
  if (visited.includes(next.href)) throw new RedirectError(`${where}: redirect loop (${[...visited, next.href].join(' -> ')})`, response.status, next.href, info);
  if (visited.length > MAX_REDIRECTS) throw new RedirectError(`${where}: more than ${MAX_REDIRECTS} redirects (${visited.join(' -> ')} -> ...)`, response.status, next.href, info);
  if (next.host !== current.host) {
    throw new RedirectError(`${where}: the server redirected to another host (${next.origin}); not followed, so the token is not sent there. If that is your Permission Assist server, set baseUrl to it`, response.status, next.href, info);
  }
  if (current.protocol === 'https:' && next.protocol !== 'https:') throw new RedirectError(`${where}: the server redirected from https to ${next.protocol}; not followed`, response.status, next.href, info);
  if (request.body !== undefined && response.status !== 307 && response.status !== 308) {
    throw new RedirectError(`${where}: the server answered ${response.status} to a ${method}; not followed, since that would send a GET without the body. Check baseUrl`, response.status, next.href, info);
  }
  return next;
}
