// CORS for browser-based integrations calling the API: any origin may call, but never with cookies
// or HTTP authentication (the API uses bearer tokens, which a page sends explicitly), so the origin
// is not echoed and credentials are not allowed. The sandbox's control plane is not offered to
// other origins at all: a page a developer happens to visit must not reset their sandbox or
// register a webhook that relays its events elsewhere.
import type { IncomingMessage } from 'node:http';
import { writeHead, type FrontDoorResponse } from './answer-head.js';
import { HttpError } from './errors.js';

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Prefer, X-Request-Id',
  'access-control-expose-headers': 'X-Request-Id, Retry-After',
  'access-control-max-age': '600',
};

/** The same, as the flat list the front door writes. */
const CORS_LIST: readonly string[] = Object.entries(CORS_HEADERS).flat();

/** Which request paths pages of other origins may call. */
export type CorsPolicy = (pathname: string) => boolean;

export const apiOnly: CorsPolicy = (pathname) => pathname === '/api' || pathname.startsWith('/api/');

/** Sets the CORS headers a path gets; for a preflight, answers it (true) or refuses it (throws 403). */
export function applyCors(req: IncomingMessage, res: FrontDoorResponse, pathname: string, policy: CorsPolicy): boolean {
  const open = policy(pathname);
  if (open) res.cors = CORS_LIST;
  if (req.method !== 'OPTIONS') return false;
  if (!open) throw new HttpError(403, `${pathname} is not open to pages of other origins (CORS): call it from your tests or a server, not from a browser page`);
  writeHead(res, 204, { 'content-length': '0' });
  res.end();
  return true;
}
