// The mock: Prism serves the spec's examples on an internal loopback port, and this front server
// turns Prism's own error answers into the spec's Error body, so integrations see what a real
// Permission Assist server sends: a 400 naming the actual offending fields, a 404 for unknown paths.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { loadSpec, specPath as defaultSpecPath } from '@permission-assist/spec/load';
import { errorBody, fieldErrorsFromViolations } from './error-body.js';
import { indexExamples, label } from './example-index.js';
import { forwardedRequestHeaders, forwardedResponseHeaders, listen, readBody, send, type RequestLog } from './http.js';

const require = createRequire(import.meta.url);
const { createServer: createPrismServer } = require('@stoplight/prism-http-server') as typeof import('@stoplight/prism-http-server');
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http') as typeof import('@stoplight/prism-http');
const { createLogger } = require('@stoplight/prism-core') as typeof import('@stoplight/prism-core');

export interface MockOptions {
  host?: string;
  port?: number;
  specPath?: string;
  /** Called once per request, after the answer is sent. */
  onRequest?: (log: RequestLog) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The top-level fields of a JSON or multipart body (text parts only), for reference checks. */
async function bodyFields(contentType: string, body: Buffer): Promise<Record<string, unknown>> {
  try {
    if (/json/.test(contentType)) {
      const json: unknown = JSON.parse(body.toString('utf8'));
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    }
    if (/multipart\/form-data/.test(contentType)) {
      const form = await new Request('http://mock', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
      return Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
    }
  } catch {
    // Not parseable: Prism's validation reports it.
  }
  return {};
}

export async function startMockServer(options: MockOptions = {}): Promise<RunningServer> {
  const operations = await getHttpOperationsFromSpec(options.specPath ?? defaultSpecPath);
  const data = indexExamples(loadSpec(options.specPath ?? defaultSpecPath));
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const prism = createPrismServer(operations, {
    cors: true,
    components: { logger: createLogger('MOCK', { level: 'silent' }) },
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      // Prism checks its own answers (our examples) against the schemas and fails loudly if one is wrong.
      errors: true,
      mock: { dynamic: false },
      isProxy: false,
      upstreamProxy: undefined,
    } as never,
  });
  const prismUrl = await prism.listen(0, '127.0.0.1');

  const front: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody(500, `Mock failure: ${(error as Error).message}`));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const body = await readBody(req);
    const headers = forwardedRequestHeaders(req);
    const answer = (status: number, payload: unknown) => {
      send(res, status, payload);
      options.onRequest?.({ method: req.method ?? '', url: req.url ?? '', status, ms: performance.now() - started, violations: [] });
    };
    // Tokens are pa_...: another form is refused as a real server refuses a bad token, and
    // pa_expired... stands for an expired one, so integrations can try their 401 handling.
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '');
    if (bearer && (!bearer[1]!.startsWith('pa_') || bearer[1]!.startsWith('pa_expired'))) {
      return answer(401, errorBody(401, 'Invalid or expired authentication token'));
    }
    const pathname = new URL(req.url ?? '/', 'http://mock').pathname;
    let unknownReference: string | undefined;
    if (bearer && !headers.has('prefer')) {
      // A GET by id answers the record with that id; another well-formed id is not found.
      const route = req.method === 'GET' ? data.byIdRoutes.find((r) => r.regex.test(pathname)) : undefined;
      if (route) {
        const id = decodeURIComponent(route.regex.exec(pathname)![1]!);
        const example = route.examples.get(id.toLowerCase());
        const record = data.records.get(route.kind)?.get(id.toLowerCase());
        if (example) headers.set('prefer', `example=${example}`);
        else if (record) return answer(200, record);
        else if (GUID.test(id)) return answer(404, errorBody(404, `${label(route.kind)} with id ${id} not found`));
      }
      // A JSON body that refers to a record the data set does not have (identityId, applicationId...)
      // is not found, once the request is otherwise valid (a server validates before it looks up).
      if (req.method === 'POST') {
        const fields = { ...Object.fromEntries(new URL(req.url ?? '/', 'http://mock').searchParams), ...(await bodyFields(headers.get('content-type') ?? '', body)) };
        for (const [field, value] of Object.entries(fields)) {
          const kind = data.referenceFields.get(field);
          if (kind && typeof value === 'string' && GUID.test(value) && !data.records.get(kind)?.has(value.toLowerCase())) {
            unknownReference = `${label(kind)} with id ${value} not found`;
            break;
          }
        }
      }
    }
    const upstream = await fetch(`${prismUrl}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
    });
    const text = await upstream.text();
    if (unknownReference && upstream.ok) return answer(404, errorBody(404, unknownReference));
    const violations = JSON.parse(upstream.headers.get('sl-violations') ?? '[]') as Parameters<typeof fieldErrorsFromViolations>[0];
    const contentType = upstream.headers.get('content-type') ?? '';
    let status = upstream.status;
    let payload: unknown = text;

    if ((status === 400 || status === 422) && violations.some((v) => v.location[0] === 'request')) {
      // Prism answers an invalid request with a static example (422 when documented, else 400);
      // a server answers 400 validation_error naming the actual fields.
      status = 400;
      payload = errorBody(400, 'One or more validation errors occurred', fieldErrorsFromViolations(violations));
    } else if (contentType.includes('problem+json')) {
      const problem = JSON.parse(text) as { title?: string; detail?: string; type?: string };
      if (problem.type?.includes('NO_PATH_MATCHED') || problem.type?.includes('NO_METHOD_MATCHED')) status = 404;
      payload = errorBody(status, [problem.title, problem.detail].filter(Boolean).join(': ') || 'Mock error');
    }
    send(res, status, payload, forwardedResponseHeaders(upstream));
    options.onRequest?.({ method: req.method ?? '', url: req.url ?? '', status, ms: performance.now() - started, violations: violations.map((v) => v.message) });
  }

  try {
    await listen(front, options.port ?? 4010, options.host ?? '127.0.0.1');
  } catch (error) {
    await prism.close();
    throw error;
  }
  const { address, port } = front.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    async close() {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await prism.close();
    },
  };
}
