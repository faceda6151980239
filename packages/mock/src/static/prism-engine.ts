// Prism's HTTP library in this process: given a request the front door already routed,
// authenticated and validated, it picks the documented answer (the operation's example, or the one
// `Prefer: code=... / example=...` names). No second HTTP server and no second validation: Prism's
// own request checks are off, since the front door's validator has already said everything. Prism
// is given only the operation the front door found, and in example mode its choice depends only on
// the operation, Prefer and Accept, so each such choice is made once and its serialised answer kept.
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestTarget } from '../http/request-target.js';
import { requirePrism } from './prism-loader.js';

export interface PrismAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (serialised JSON or text), or undefined for none. */
  body: string | undefined;
}

export interface PrismRefusal {
  status: number;
  message: string;
}

interface ProblemLike {
  status?: number;
  title?: string;
  detail?: string;
  message?: string;
}

/** Prism is loaded only in --static mode: the sandbox does not need it, and it takes a while to load. */
function loadPrism() {
  const http = requirePrism<typeof import('@stoplight/prism-http')>('@stoplight/prism-http');
  const core = requirePrism<typeof import('@stoplight/prism-core')>('@stoplight/prism-core');
  // How Prism's own server reads Prefer (code=, example=, dynamic=): the same rules, not a copy.
  const { getHttpConfigFromRequest } = requirePrism<{
    getHttpConfigFromRequest: (input: import('@stoplight/prism-http').IHttpRequest) => import('fp-ts/Either').Either<ProblemLike, Partial<import('@stoplight/prism-http').IHttpOperationConfig>>;
  }>('@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js');
  return { http, core, getHttpConfigFromRequest };
}

function nameValues(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

function serialise(body: unknown, contentType: string | undefined): string | undefined {
  if (body === undefined || body === null) return contentType ? '' : undefined;
  if (typeof body === 'string' && !/json/i.test(contentType ?? '')) return body;
  return JSON.stringify(body);
}

export async function createPrismEngine(specPath: string) {
  const { http, core, getHttpConfigFromRequest } = loadPrism();
  const operations = await http.getHttpOperationsFromSpec(specPath);
  const config = {
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    mock: { dynamic: false },
    isProxy: false,
    upstreamProxy: undefined,
  } as unknown as import('@stoplight/prism-http').IHttpConfig;
  const prism = http.createInstance(config, { logger: core.createLogger('MOCK', { level: 'silent' }) });
  const byRoute = new Map(operations.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, [operation]]));
  const chosen = new Map<string, PrismAnswer | PrismRefusal>();

  /** `route` is the operation the front door matched, as `GET /api/identities/{id}`. */
  return async function answer(request: { route: string; method: string; url: RequestTarget; headers: IncomingHttpHeaders; body?: unknown }): Promise<PrismAnswer | PrismRefusal> {
    const key = JSON.stringify([request.method, request.route, request.headers.prefer ?? null, request.headers.accept ?? null]);
    let answer = chosen.get(key);
    if (!answer) {
      answer = await choose(request);
      // Prefer and Accept come from clients: keep a bounded number of choices.
      if (chosen.size >= MAX_CHOICES) chosen.delete(chosen.keys().next().value!);
      chosen.set(key, answer);
    }
    return answer;
  };

  async function choose(request: { route: string; method: string; url: RequestTarget; headers: IncomingHttpHeaders; body?: unknown }): Promise<PrismAnswer | PrismRefusal> {
    const input = {
      method: request.method.toLowerCase() as import('@stoplight/types').HttpMethod,
      url: { path: request.url.pathname, query: nameValues(request.url.searchParams) },
      headers: request.headers as Record<string, string>,
      body: request.body,
    };
    const preferences = getHttpConfigFromRequest(input);
    if (preferences._tag === 'Left') return refusal(preferences.left);
    const result = await prism.request(input, byRoute.get(`${request.method} ${request.route.slice(request.route.indexOf(' ') + 1)}`) ?? operations, { ...config, mock: { ...config.mock, ...preferences.right } } as import('@stoplight/prism-http').IHttpConfig)();
    if (result._tag === 'Left') return refusal(result.left as ProblemLike);
    const { statusCode, headers = {}, body } = result.right.output;
    const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    return { status: statusCode, headers, body: serialise(body, contentType) };
  }
}

const MAX_CHOICES = 1000;

/** Prism's refusal (a Prefer it cannot satisfy, an operation it cannot find) as a status and a sentence. */
function refusal(problem: ProblemLike): PrismRefusal {
  const status = problem.status && problem.status >= 400 ? problem.status : 500;
  return { status, message: [problem.title, problem.detail].filter(Boolean).join(': ') || problem.message || 'The mock could not answer' };
}

export const isRefusal = (value: PrismAnswer | PrismRefusal): value is PrismRefusal => !('headers' in value);
