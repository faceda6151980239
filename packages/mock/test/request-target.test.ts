// How the front door reads a request target: what the WHATWG URL parser makes of it against this
// server (the plain targets are cut by hand, so this pins that the cut never differs from the parse),
// absolute-form accepted, a target that would be read as a host kept a path, bad input a clear 400.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../src/http/errors.js';
import { requestTarget } from '../src/http/request-target.js';

/** The target as URL reads it: absolute-form as is, anything else as a path of this server; a 400 where it cannot. */
function parsed(raw: string) {
  try {
    const url = /^https?:\/\//i.test(raw) ? new URL(raw) : new URL(raw.startsWith('/') ? raw : `/${raw}`, 'http://target');
    const again = new URL(`${url.pathname}${url.search}`, 'http://target');
    return { pathname: again.pathname, search: again.search, params: [...again.searchParams] };
  } catch {
    return { status: 400 };
  }
}

const seen = (raw: string) => {
  try {
    const target = requestTarget(raw);
    return { pathname: target.pathname, search: target.search, params: [...target.searchParams] };
  } catch (error) {
    return { status: (error as HttpError).status };
  }
};

describe('request targets', () => {
  it.each([
    ['/api/identities', '/api/identities', '', []],
    ['/api/identities?page=2&status=Open', '/api/identities', '?page=2&status=Open', [['page', '2'], ['status', 'Open']]],
    ['/api/identities?', '/api/identities', '', []],
    ['/api/identities?q=a+b%20c', '/api/identities', '?q=a+b%20c', [['q', 'a b c']]],
    ["/api/identities?q=it's", '/api/identities', '?q=it%27s', [['q', "it's"]]],
    ['/api/identities?q=a b', '/api/identities', '?q=a%20b', [['q', 'a b']]],
    ['/api/identities#top', '/api/identities', '', []],
    ['/api/./identities/../identities', '/api/identities', '', []],
    ['/api/%2e%2e/sandbox/clock', '/sandbox/clock', '', []],
    ['/api/.well-known', '/api/.well-known', '', []],
    ['/api/identities/', '/api/identities/', '', []],
    ['/api//identities', '/api//identities', '', []],
    ['/api/a b', '/api/a%20b', '', []],
    ['/api/ü', '/api/%C3%BC', '', []],
    ['/api\\identities', '/api/identities', '', []],
    ['/api/identities/%ff', '/api/identities/%ff', '', []],
    ['//evil.example/api/identities', '/api/identities', '', []],
    ['/\\evil.example/api/identities', '/api/identities', '', []],
    ['http://example.com/api/identities?page=2', '/api/identities', '?page=2', [['page', '2']]],
    ['HTTPS://example.com:8443/api', '/api', '', []],
    ['api/identities', '/api/identities', '', []],
    ['*', '/*', '', []],
    ['/./', '/', '', []],
  ])('%j is the path %j with the query %j', (raw, pathname, search, params) => {
    expect(seen(raw)).toEqual({ pathname, search, params });
  });

  it.each(['http://exa mple.com/api', 'http://[::1/api', 'http://example.com:99999/api'])('%j is a 400 naming the target', (raw) => {
    let thrown: unknown;
    try {
      requestTarget(raw);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ status: 400, message: `The request target ${JSON.stringify(raw)} is not a valid path` });
  });

  it('any origin-form target reads as the URL parser reads it', () => {
    // The characters that decide between the plain cut and the parser, weighted towards the tricky ones.
    const char = fc.oneof(
      fc.constantFrom('/', '.', '?', '%', '2', 'e', 'E', '#', '\\', ' ', "'", '"', '+', '&', '=', '~', '@', ':', ';', '!', '$', '(', '*', ',', '[', '^', '|', '{', '`', '<'),
      fc.constantFrom('a', 'Z', '0', '-', '_', 'ü', '\t', '\u00a0', '\u{1f600}'),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const raw = `/${chars.join('')}`;
        expect(seen(raw)).toEqual(parsed(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
