// pa-mock --static: the spec's documented examples, chosen by Prism's HTTP library in this process.
// The front door does what a real server would before an answer is chosen (the same pipeline as the
// sandbox: Host, limits, timeouts, route 404/405, token 401/403, body 413/415, validation 400 naming
// each field); Prism then picks the example. Nothing about Prism (its problem+json) reaches the client.
import { specPath } from '@permission-assist/spec-kit';
import { apiOnly } from '../http/cors.js';
import { errorBody, HttpError } from '../http/errors.js';
import { createFrontDoor, type Exchange } from '../http/front-door.js';
import { createOperationReader } from '../http/operation-request.js';
import { declaredLimit } from '../http/request-body.js';
import { closeServer, listen, send, serverUrl, type RequestLog, type RunningServer } from '../http/server.js';
import { httpSettings, type HttpSettings } from '../http/settings.js';
import { loadSpecs } from '../specs.js';
import { indexExamples, label } from './example-index.js';
import { createPrismEngine, isRefusal } from './prism-engine.js';

export interface MockOptions {
  host?: string;
  port?: number;
  /** Host names to answer to besides localhost, IP addresses and `host`. */
  allowHosts?: string[];
  /** Tighter (or looser) limits and timeouts than pa-mock's defaults. */
  http?: Partial<HttpSettings>;
  /** Called once per request, after the answer is sent. */
  onRequest?: (log: RequestLog) => void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startMockServer(options: MockOptions = {}): Promise<RunningServer> {
  const { api } = loadSpecs();
  const settings = httpSettings(options.http);
  const host = options.host ?? '127.0.0.1';
  const answer = await createPrismEngine(specPath);
  const data = indexExamples(api);
  const operations = createOperationReader({ specs: [api], served: 'the Permission Assist API', settings, validateForms: true });

  async function handle(exchange: Exchange): Promise<number> {
    const { res, url, head, correlationId } = exchange;
    const { route, pathParams, body } = await operations.read(exchange);
    const headers = { ...exchange.req.headers };
    if (headers.prefer === undefined) {
      // A GET by id answers the example record with that id; another id is not found.
      const byId = route.method === 'GET' ? data.byIdRoutes.get(route.template) : undefined;
      if (byId) {
        const id = pathParams.id!.toLowerCase();
        const example = byId.examples.get(id);
        const record = data.records.get(byId.kind)?.get(id);
        if (example) headers.prefer = `example=${example}`;
        else if (record) return (send(res, 200, record, {}, head), 200);
        else throw new HttpError(404, `${label(byId.kind)} with id ${pathParams.id} not found`);
      }
      // A body or query that refers to a record the examples do not have (identityId, applicationId...) is not found.
      if (route.method === 'POST') {
        const fields = { ...Object.fromEntries(url.searchParams), ...(body && typeof body === 'object' ? (body as Record<string, unknown>) : {}) };
        for (const [field, value] of Object.entries(fields)) {
          const kind = data.referenceFields.get(field);
          if (kind && typeof value === 'string' && GUID.test(value) && !data.records.get(kind)?.has(value.toLowerCase())) {
            throw new HttpError(404, `${label(kind)} with id ${value} not found`);
          }
        }
      }
    }
    // HEAD is answered as GET would be, without the body.
    const chosen = await answer({ route: `${route.method} ${route.template}`, method: head ? 'GET' : route.method, url, headers, body });
    if (isRefusal(chosen)) {
      send(res, chosen.status, errorBody(chosen.status, chosen.message, undefined, correlationId), {}, head);
      return chosen.status;
    }
    send(res, chosen.status, chosen.body, chosen.headers, head);
    return chosen.status;
  }

  // Never leak a stack trace: a generic 500 in the spec's shape.
  const front = createFrontDoor(handle, {
    settings,
    allowHosts: [host, ...(options.allowHosts ?? [])],
    cors: apiOnly,
    bodyLimit: declaredLimit(settings),
    onRequest: options.onRequest,
    unexpected: () => 'The mock failed unexpectedly',
  });
  await listen(front, options.port ?? 4010, host);
  return { url: serverUrl(front), close: () => closeServer(front) };
}
