// `pa api METHOD PATH`: any request, through the client's openapi-fetch client (`rawClient(pa)`), so it has
// the same token, retries (GETs only), redirect rules and size limit as every other command. Also
// used by `pa sandbox` and `pa listen` for the sandbox's control plane, which the client does not type.
import { errorFromResponse } from '@permission-assist/client';
import type { Context } from './context.js';
import { UsageError } from './errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

export interface RawAnswer {
  status: number;
  headers: Headers;
  data: unknown;
}

type RawRequest = (method: string, path: string, init: { body?: unknown; parseAs: 'text'; headers?: Record<string, string> }) => Promise<{ response: Response; data?: string; error?: string }>;

/** Sends a request and returns its parsed answer; an error status throws the client's typed error. */
export async function rawRequest(context: Context, method: string, path: string, body?: unknown): Promise<RawAnswer> {
  const upper = method.toUpperCase();
  if (!METHODS.includes(upper)) throw new UsageError(`api: method must be one of ${METHODS.join(', ')}, got "${method}"`);
  if (!path.startsWith('/')) throw new UsageError(`api: the path must start with / (e.g. /api/identities?page=2), got "${path}"`);
  const client = await context.client();
  const { rawClient } = await import('@permission-assist/client/raw');
  const raw = rawClient(client) as unknown as { request: RawRequest };
  const request = raw.request.bind(raw);
  const init: Parameters<RawRequest>[2] = { parseAs: 'text' };
  if (body !== undefined) init.body = body;
  const { response, data, error } = await request(upper, path, init);
  const text = data ?? error ?? '';
  let parsed: unknown = text;
  if (/json/i.test(response.headers.get('content-type') ?? '') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    const { pathname } = new URL(response.url || `http://x${path}`);
    throw errorFromResponse(response, parsed === '' ? undefined : parsed, { method: upper, path: pathname }, undefined, response.headers.get('x-request-id') ?? undefined);
  }
  return { status: response.status, headers: response.headers, data: parsed === '' ? undefined : parsed };
}
