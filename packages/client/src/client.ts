// createPermissionAssistClient: openapi-fetch underneath (`raw`), resource-style methods on top,
// built from the generated operation table so that no path is listed by hand.
import createClient, { type Client } from 'openapi-fetch';
import { resolveConfig, type ClientOptions, type ResolvedConfig } from './config.js';
import { errorFromResponse, InvalidArgumentError, PermissionAssistError, UnexpectedResponseError, type OperationInfo } from './errors.js';
import { operationTable, type PermissionAssistResources } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { paginate, type Page } from './pagination.js';
import { CallScope, createTransport, parseRetryAfter, PreparedRequest } from './transport.js';
import type { PaginationOptions, RequestOptions } from './types.js';
import { buildUploadForm, type PathResolver, type UploadInput } from './upload.js';

export type PermissionAssistClient = PermissionAssistResources & {
  /**
   * The underlying openapi-fetch client, for the `{ data, error, response }` style:
   * `const { data, error } = await pa.raw.GET('/api/identities/{id}', { params: { path: { id } } })`.
   * It shares the client's token, headers, timeout and retry policy, and never throws for an HTTP error status.
   */
  raw: Client<paths>;
};

type TableEntry = {
  method: 'GET' | 'POST';
  path: string;
  operationId: string;
  pathParam?: string;
  body?: 'json' | 'multipart';
  paginated?: boolean;
};

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

function parseSuccess(response: Response, text: string | undefined, info: OperationInfo): unknown {
  const contentType = response.headers.get('content-type') ?? undefined;
  if (!text) throw new UnexpectedResponseError(`${response.status} response has an empty body; expected JSON`, response.status, contentType, info);
  if (!contentType || !JSON_TYPE.test(contentType)) {
    throw new UnexpectedResponseError(`${response.status} response has content type "${contentType ?? 'none'}"; expected application/json`, response.status, contentType, info);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnexpectedResponseError(`${response.status} response body is not valid JSON (${(error as Error).message})`, response.status, contentType, info, error);
  }
}

export function buildClient(options: ClientOptions, resolvePath?: PathResolver): PermissionAssistClient {
  const config: ResolvedConfig = resolveConfig(options);
  const raw = createClient<paths>({
    baseUrl: config.origin,
    headers: { ...config.headers, Authorization: `Bearer ${config.token}` },
    fetch: createTransport(config),
    Request: PreparedRequest as unknown as typeof Request,
  });
  // openapi-fetch's typed methods are indexed by HTTP method; the table only uses GET and POST.
  const send = raw as unknown as Record<string, (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>>;

  async function invoke(entry: TableEntry, args: { id?: string; query?: object; body?: unknown; form?: FormData }, call: RequestOptions = {}) {
    const info: OperationInfo = { method: entry.method, path: entry.path };
    const scope = new CallScope(call.timeoutMs ?? config.timeoutMs, call.signal, info);
    const init: Record<string, unknown> = {
      params: { path: entry.pathParam ? { [entry.pathParam]: args.id } : undefined, query: args.query },
      parseAs: 'text',
      headers: call.headers,
      signal: scope.signal,
      fetch: createTransport(config, scope),
    };
    if (args.form) {
      init.body = args.form;
      init.bodySerializer = (form: FormData) => form;
    } else if (args.body !== undefined) init.body = args.body;
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      result = await send[entry.method]!(entry.path, init);
    } catch (error) {
      if (error instanceof PermissionAssistError) throw error;
      throw new PermissionAssistError(`${info.method} ${info.path}: ${(error as Error)?.message ?? String(error)}`, info, { cause: error });
    } finally {
      scope.end();
    }
    const { response } = result;
    if (!response.ok) throw errorFromResponse(response, result.error, info, parseRetryAfter(response.headers.get('retry-after')));
    return parseSuccess(response, result.data as string | undefined, info);
  }

  function checkId(entry: TableEntry, id: unknown) {
    if (typeof id !== 'string' || id.trim() === '') {
      throw new InvalidArgumentError([{ field: entry.pathParam!, message: `must be a non-empty string, got ${JSON.stringify(id)}` }], entry);
    }
  }

  function resourceMethods(table: Record<string, TableEntry>) {
    const methods: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(table)) {
      if (entry.pathParam) {
        methods[name] = async (id: string, call?: RequestOptions) => {
          checkId(entry, id);
          return invoke(entry, { id }, call);
        };
      } else if (entry.body === 'multipart') {
        methods[name] = async (input: UploadInput, call?: RequestOptions) =>
          invoke(entry, { form: await buildUploadForm(input, resolvePath, entry) }, call);
      } else if (entry.body === 'json') {
        methods[name] = async (body: unknown, call?: RequestOptions) => invoke(entry, { body }, call);
      } else {
        methods[name] = async (query?: object, call?: RequestOptions) => invoke(entry, { query }, call);
      }
      if (entry.paginated) {
        const all = (query: object = {}, call: PaginationOptions = {}) =>
          paginate(
            (page, signal) => invoke(entry, { query: { ...query, page } }, { ...call, signal }) as Promise<Page<unknown>>,
            call,
            entry,
          );
        methods[`${name}All`] = all;
        methods[`${name}Collect`] = async (query?: object, call?: PaginationOptions) => {
          const items: unknown[] = [];
          for await (const item of all(query, call)) items.push(item);
          return items;
        };
      }
    }
    return methods;
  }

  const client: Record<string, unknown> = { raw };
  for (const [resource, table] of Object.entries(operationTable)) client[resource] = resourceMethods(table as Record<string, TableEntry>);
  // Sound by construction: the table and the resource interfaces are generated together from the spec.
  return client as unknown as PermissionAssistClient;
}

/**
 * Creates a Permission Assist client.
 *
 * ```ts
 * const pa = createPermissionAssistClient({ baseUrl: 'https://pa.example.com', token: process.env.PA_TOKEN! });
 * const identity = await pa.identities.get('3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
 * ```
 */
export function createPermissionAssistClient(options: ClientOptions): PermissionAssistClient {
  return buildClient(options);
}
