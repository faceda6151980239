// `@permission-assist/client/raw`: the openapi-fetch client, for the `{ data, error, response }` style,
// sharing a client's token, headers, timeout, retry policy and transport. A separate entry point, so
// that openapi-fetch is in an application's bundle only when it imports this.
import createClient, { type Client } from 'openapi-fetch';
import { CONFIG, type PermissionAssistClient } from './client.js';
import type { ResolvedConfig } from './config.js';
import { InvalidArgumentError, redactError } from './errors.js';
import type { paths } from './generated/schema.js';
import { CallScope, send } from './transport.js';

export type RawClient = Client<paths>;

/** The fetch openapi-fetch calls: the shared transport, answered as a real Response. */
function rawFetch(config: ResolvedConfig): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const info = { method: request.method, path: url.pathname };
    const body = request.body ? (request.headers.get('content-type')?.startsWith('multipart/') ? await request.formData() : await request.text()) : undefined;
    const headers = Object.fromEntries(request.headers);
    if (body instanceof FormData) delete headers['content-type'];
    const scope = new CallScope(config.timeoutMs, request.signal, info);
    try {
      const answer = await send(config, { method: request.method, url: request.url, headers, body, info }, scope, config.retry);
      const empty = answer.body.length === 0 || answer.status === 204 || answer.status === 304;
      return new Response(empty ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    } catch (error) {
      throw redactError(error, config.secrets);
    } finally {
      scope.end();
    }
  };
}

const made = new WeakMap<object, RawClient>();

/**
 * The openapi-fetch client behind `pa`, for the `{ data, error, response }` style; it never throws for
 * an HTTP error status:
 *
 * ```ts
 * const { data, error } = await rawClient(pa).GET('/api/identities/{id}', { params: { path: { id } } });
 * ```
 */
export function rawClient(pa: PermissionAssistClient): RawClient {
  const config = (pa as unknown as Record<symbol, ResolvedConfig | undefined>)?.[CONFIG];
  if (!config) throw new InvalidArgumentError([{ field: 'pa', message: 'must be a client made by createPermissionAssistClient()' }]);
  let raw = made.get(pa);
  if (!raw) made.set(pa, (raw = createClient<paths>({ baseUrl: config.origin, headers: config.headers, fetch: rawFetch(config) })));
  return raw;
}
