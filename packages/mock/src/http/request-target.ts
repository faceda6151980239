// The path and query of a request target, as the WHATWG URL parser reads them against this server.
// Absolute-form (`GET http://host/api/identities`, as proxies send) is accepted; anything else that is
// not a path is a 400, not a crash.
//
// Most targets are plain origin-form paths ("/api/x?page=2") that the URL parser would return as
// they are: those are cut at the "?" without building a URL (a URL per request was 2% of a POST).
// Only characters the parser never rewrites take that path; anything it could change (dot segments,
// percent-encoding, a backslash, a space, non-ASCII, a fragment, "//" read as a host) goes through it.
import { HttpError } from './errors.js';

export interface RequestTarget {
  /** As URL.pathname: normalised, percent-encoded where the parser encodes. */
  readonly pathname: string;
  /** As URL.search: "" or "?" and the query. */
  readonly search: string;
  /** The query's parameters (made on first use). */
  readonly searchParams: URLSearchParams;
}

class ParsedTarget implements RequestTarget {
  private params: URLSearchParams | undefined;

  constructor(
    readonly pathname: string,
    readonly search: string,
  ) {}

  get searchParams(): URLSearchParams {
    return (this.params ??= new URLSearchParams(this.search));
  }
}

/**
 * Characters of a path the URL parser keeps as they are: unreserved, sub-delims, ":", "@", "/".
 * Left out: "%" (an encoded dot segment would be resolved), "\" (read as "/"), and whatever it encodes.
 */
const PLAIN_PATH = /^\/(?![/\\])[A-Za-z0-9\-_~!$&'()*+,;=:@/.]*$/;
/** A segment "." or ".." (also at the end): resolved by the parser. */
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
/** Query characters the parser keeps as they are ("%" included: it is not decoded there); "'" is encoded in special schemes' queries. */
const PLAIN_QUERY = /^[A-Za-z0-9\-_~!$&()*+,;=:@/?%.]*$/;

/** The target of an origin-form request the URL parser would return unchanged, or undefined. */
function plainTarget(raw: string): RequestTarget | undefined {
  const mark = raw.indexOf('?');
  const path = mark === -1 ? raw : raw.slice(0, mark);
  if (!PLAIN_PATH.test(path) || DOT_SEGMENT.test(path)) return undefined;
  if (mark === -1) return new ParsedTarget(path, '');
  const query = raw.slice(mark + 1);
  if (!PLAIN_QUERY.test(query)) return undefined;
  return new ParsedTarget(path, query === '' ? '' : `?${query}`);
}

export function requestTarget(rawTarget: string | undefined): RequestTarget {
  const raw = rawTarget ?? '/';
  const plain = plainTarget(raw);
  if (plain) return plain;
  // The usual origin-form target ("/api/x?y"): one parse. A target starting with two slashes (or a
  // slash and a backslash) would be read as a host, and a fragment must go: those take the general path.
  if (raw.charCodeAt(0) === 47 && raw.charCodeAt(1) !== 47 && raw.charCodeAt(1) !== 92 && !raw.includes('#')) {
    try {
      const url = new URL(raw, 'http://target');
      if (url.pathname.charCodeAt(1) !== 47) return url;
    } catch {
      // the general path below names the target in its 400
    }
  }
  try {
    const url = /^https?:\/\//i.test(raw) ? new URL(raw) : new URL(raw.startsWith('/') ? raw : `/${raw}`, 'http://target');
    return new URL(`${url.pathname}${url.search}`, 'http://target');
  } catch {
    throw new HttpError(400, `The request target ${JSON.stringify(raw.slice(0, 100))} is not a valid path`);
  }
}
