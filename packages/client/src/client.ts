// createPermissionAssistClient: resource-style methods built from the generated operation table
// (no path is listed by hand). They send through the transport (transport.ts): retries, redirects,
// the size limit, the hooks. They build their requests directly from the table rather than through
// openapi-fetch, whose per-request work alone costs more than the client's whole budget over a raw
// fetch; openapi-fetch is behind `rawClient(pa)` from `@permission-assist/client/raw`, so that only
// who uses it ships it.
import { mergeRetry, resolveConfig, type ClientOptions } from './config.js';
import { errorFromResponse, InvalidArgumentError, redactError, redactText, UnexpectedResponseError, type OperationInfo } from './errors.js';
import type { Exchanger } from './exchange.js';
import { operationTable, waiterTable, type PermissionAssistResources } from './generated/operations.js';
import { paginate, type Page } from './pagination.js';
import { CallScope, parseRetryAfter, requestIdOf, send, type ReceivedResponse } from './transport.js';
import type { ApiPromise, ApiResponse, PaginationOptions, RequestOptions } from './types.js';
import type { PathResolver, UploadInput } from './upload.js';
import { waiterMethods, type GetRecord, type WaiterSpec } from './waiters.js';

export type PermissionAssistClient = PermissionAssistResources;

/** Where `rawClient()` finds a client's settings; a registered symbol, so every copy of this module agrees. */
export const CONFIG = Symbol.for('@permission-assist/client.config');

type TableEntry = {
  method: 'GET' | 'POST';
  path: string;
  operationId: string;
  pathParam?: string;
  body?: 'json' | 'multipart';
  paginated?: boolean;
};

interface CallArgs {
  id?: string;
  query?: object;
  body?: unknown;
  form?: FormData;
}

/** Where a call goes, for its errors: the path called (`path`, ids filled in) and the operation's template. */
function operationInfo(entry: TableEntry, path = entry.path): OperationInfo {
  return { method: entry.method, path, pathTemplate: entry.path, operationId: entry.operationId };
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;
const noop = () => undefined;

/** The error JSON.parse gives for `text`, from a redacted copy: its message quotes a piece of the text, cut short. */
function parseFailure(text: string, error: unknown, secrets: readonly string[]): Error {
  const redacted = redactText(text, secrets);
  if (redacted === text) return error as Error;
  try {
    JSON.parse(redacted);
    return new SyntaxError('not valid JSON');
  } catch (again) {
    return again as Error;
  }
}

function parseSuccess(response: ReceivedResponse, info: OperationInfo, secrets: readonly string[]): unknown {
  const contentType = response.header('content-type') ?? undefined;
  if (response.body.length === 0) throw new UnexpectedResponseError(`${response.status} response has an empty body; expected JSON`, response.status, contentType, info);
  if (!contentType || !JSON_TYPE.test(contentType)) {
    throw new UnexpectedResponseError(`${response.status} response has content type "${contentType ?? 'none'}"; expected application/json`, response.status, contentType, info);
  }
  try {
    return JSON.parse(response.body);
  } catch (caught) {
    const error = parseFailure(response.body, caught, secrets);
    throw new UnexpectedResponseError(`${response.status} response body is not valid JSON (${error.message})`, response.status, contentType, info, error);
  }
}

function parseErrorBody(response: ReceivedResponse): unknown {
  const text = response.body;
  if (!JSON_TYPE.test(response.header('content-type') ?? '')) return text || undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function queryString(query: object, info: OperationInfo): string {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw new InvalidArgumentError([{ field: 'query', message: `must be an object of filters, got ${JSON.stringify(query)}` }], info);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) params.append(name, String(value));
  return params.toString();
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function withResponse<T>(data: Promise<T>, full: Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  // The caller handles a failure through the whole answer: the data promise, which nobody
  // awaits then, must not be reported as an unhandled rejection.
  data.catch(noop);
  return full;
}

/**
 * A Promise of the data that also offers the whole answer (`withResponse()`). The method is bound
 * rather than a closure: a closure stored on every call's promise kept the answers of earlier calls
 * alive through the young-generation GCs (see FetchExchange in exchange.ts).
 */
function apiPromise<T>(full: Promise<ApiResponse<T>>): ApiPromise<T> {
  const data = full.then(dataOf) as ApiPromise<T>;
  const bound: (data: Promise<T>, full: Promise<ApiResponse<T>>) => Promise<ApiResponse<T>> = withResponse;
  data.withResponse = bound.bind(undefined, data, full);
  return data;
}

const dataOf = <T>(response: ApiResponse<T>) => response.data;

/**
 * The answer `withResponse()` gives. `headers` stays an own, enumerable property (spread and
 * JSON.stringify see it) but is read on first use from the transport's answer, through one getter
 * shared by every answer (on Node the Headers object is built only then).
 */
class Answer<T> implements ApiResponse<T> {
  static readonly #headers: PropertyDescriptor = {
    get(this: Answer<unknown>) {
      return this.#received.headers;
    },
    enumerable: true,
    configurable: true,
  };

  declare readonly headers: Headers;
  readonly #received: ReceivedResponse;

  constructor(
    readonly data: T,
    readonly status: number,
    received: ReceivedResponse,
  ) {
    this.#received = received;
    Object.defineProperty(this, 'headers', Answer.#headers);
  }
}

export function buildClient(options: ClientOptions, resolvePath?: PathResolver, nodeExchange?: Exchanger): PermissionAssistClient {
  const config = resolveConfig(options, nodeExchange);

  // Every failure leaves through here, so none carries the token a server may have echoed.
  const call = (entry: TableEntry, args: CallArgs, options?: RequestOptions) =>
    callUnredacted(entry, args, options).catch((error: unknown) => {
      throw redactError(error, config.secrets);
    });

  async function callUnredacted(entry: TableEntry, args: CallArgs, options: RequestOptions = {}): Promise<ApiResponse<unknown>> {
    const path = entry.pathParam ? entry.path.replace(`{${entry.pathParam}}`, encodeURIComponent(args.id!)) : entry.path;
    const info = operationInfo(entry, path);
    let url = config.origin + path;
    if (args.query) {
      const query = queryString(args.query, info);
      if (query) url += `?${query}`;
    }
    let headers = config.headers;
    let body: string | FormData | undefined;
    if (args.form) body = args.form;
    else if (args.body !== undefined) {
      body = JSON.stringify(args.body);
      headers = { ...headers, 'content-type': 'application/json' };
    }
    if (options.headers) headers = { ...headers, ...lowerCased(options.headers) };
    const scope = new CallScope(options.timeoutMs ?? config.timeoutMs, options.signal, info);
    let response: ReceivedResponse;
    try {
      response = await send(config, { method: entry.method, url, headers, body, info }, scope, mergeRetry(config.retry, options.retry));
    } finally {
      scope.end();
    }
    if (response.status < 200 || response.status >= 300) {
      throw errorFromResponse(response, parseErrorBody(response), info, parseRetryAfter(response.header('retry-after')), requestIdOf(response), response.gaveUp);
    }
    return new Answer(parseSuccess(response, info, config.secrets), response.status, response);
  }

  /** The error for an id that cannot be sent, or undefined. */
  function checkId(entry: TableEntry, id: unknown): InvalidArgumentError | undefined {
    if (typeof id === 'string' && id.trim() !== '') return undefined;
    return new InvalidArgumentError([{ field: entry.pathParam!, message: `must be a non-empty string, got ${JSON.stringify(id)}` }], operationInfo(entry));
  }

  function resourceMethods(table: Record<string, TableEntry>) {
    const methods: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(table)) {
      if (entry.pathParam) {
        methods[name] = (id: string, options?: RequestOptions) => {
          const invalid = checkId(entry, id);
          return apiPromise(invalid ? Promise.reject(invalid) : call(entry, { id }, options));
        };
      } else if (entry.body === 'multipart') {
        // The form builder is loaded on the first upload, like the waiters: few applications upload.
        methods[name] = (input: UploadInput, options?: RequestOptions) =>
          apiPromise((async () => call(entry, { form: await (await import('./upload.js')).buildUploadForm(input, resolvePath, entry) }, options))());
      } else if (entry.body === 'json') {
        methods[name] = (body: unknown, options?: RequestOptions) => apiPromise(call(entry, { body }, options));
      } else {
        methods[name] = (query?: object, options?: RequestOptions) => apiPromise(call(entry, { query }, options));
      }
      if (entry.paginated) {
        const all = (query: object = {}, options: PaginationOptions = {}) =>
          paginate(
            async (page, signal) => (await call(entry, { query: { ...query, page } }, { ...options, signal })).data as Page<unknown>,
            options,
            operationInfo(entry),
          );
        methods[`${name}All`] = all;
        methods[`${name}Collect`] = async (query?: object, options?: PaginationOptions) => {
          const items: unknown[] = [];
          for await (const item of all(query, options)) items.push(item);
          return items;
        };
      }
    }
    return methods;
  }

  const client: Record<string, unknown> = {};
  // Not enumerable: the settings hold the token, and inspecting a client must not show it.
  Object.defineProperty(client, CONFIG, { value: config });
  for (const [resource, table] of Object.entries(operationTable)) client[resource] = resourceMethods(table as Record<string, TableEntry>);
  for (const [resource, spec] of Object.entries(waiterTable) as [string, WaiterSpec][]) {
    const methods = client[resource] as Record<string, unknown>;
    Object.assign(methods, waiterMethods(spec, methods[spec.get] as GetRecord));
  }
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
