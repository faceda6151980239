// The head of every answer the front door sends: its X-Request-Id, the safety headers, the CORS
// headers where the path is open to other origins, then the answer's own headers. They are kept on
// the response (not set one by one with setHeader, which Node then merges into the head: 5% of a
// POST) and written in one writeHead call as a flat name/value list.
import { ServerResponse, type IncomingMessage } from 'node:http';

export type HeaderValue = string | string[];
export type HeaderList = (string | string[])[];

const NONE: readonly string[] = [];

/** nosniff and no-store (the proxy passes the real server's caching headers on instead). */
export const SAFE_HEADERS: readonly string[] = ['x-content-type-options', 'nosniff', 'cache-control', 'no-store'];

/** A response of the front door: what it decided about the answer's head before any handler ran. */
export class FrontDoorResponse extends ServerResponse<IncomingMessage> {
  requestId: string | undefined = undefined;
  /** Flat name/value list, e.g. SAFE_HEADERS. */
  safety: readonly string[] = NONE;
  /** Flat name/value list: the CORS headers, when the path is open to other origins. */
  cors: readonly string[] = NONE;
}

/**
 * Sets `name` in a flat list: a name already there (in any case) keeps its place and takes the new
 * name and value, as setHeader does; a new one goes last.
 */
export function putHeader(list: HeaderList, name: string, value: HeaderValue): void {
  const key = name.toLowerCase();
  for (let i = 0; i < list.length; i += 2) {
    const present = list[i] as string;
    if (present === key || present.toLowerCase() === key) {
      list[i] = name;
      list[i + 1] = value;
      return;
    }
  }
  list.push(name, value);
}

/** The front door's headers of `res`, then `headers` (replacing one of the same name in place). */
export function headerList(res: ServerResponse, headers?: Record<string, HeaderValue>): HeaderList {
  // Made at its full size at once (pushing header by header regrew the array a few times per answer).
  let list: HeaderList;
  if (!(res instanceof FrontDoorResponse)) list = [];
  else if (res.requestId === undefined) list = [...res.safety, ...res.cors];
  else list = ['x-request-id', res.requestId, ...res.safety, ...res.cors];
  if (headers) for (const name of Object.keys(headers)) putHeader(list, name, headers[name]!);
  return list;
}

/** writeHead with the front door's headers and `headers`, in one call. */
export function writeHead(res: ServerResponse, status: number, headers?: Record<string, HeaderValue>): void {
  res.writeHead(status, headerList(res, headers));
}
