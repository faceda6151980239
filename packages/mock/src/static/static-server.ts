// pa-mock --static: Prism serves the spec's examples on an internal loopback port, and this front
// server does what a real server would before an answer is chosen: route (404/405), authenticate
// (401/403), read the body within limits (413), validate with the same validator as the sandbox
// (400 naming each field), and turn Prism's own error answers into the spec's Error body. Nothing
// about Prism (its port, its problem+json) reaches the client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { LIMITS, parseJson, readBody } from '../http/body.js';
import { errorBody, HttpError, validationError } from '../http/errors.js';
import { Gate } from '../http/multipart.js';
import { forwardedRequestHeaders, forwardedResponseHeaders } from '../http/proxy-headers.js';
import { createRouter } from '../http/router.js';
import { answerPreflight, closeServer, createApiServer, listen, requestTarget, send, serverUrl, type RequestLog, type RunningServer } from '../http/server.js';
import { authenticate } from '../sandbox/auth.js';
import { specPath } from '@permission-assist/spec-kit';
import { loadSpecs } from '../specs.js';
import { createRequestValidator } from '../validation/request-validator.js';
import { indexExamples, label } from './example-index.js';
import { fieldErrorsFromViolations, type PrismViolation } from './prism-violations.js';

export interface MockOptions {
  host?: string;
  port?: number;
  /** Called once per request, after the answer is sent. */
  onRequest?: (log: RequestLog) => void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Prism is loaded only in --static mode: the sandbox does not need it, and it takes a while to load. */
function loadPrism() {
  const require = createRequire(import.meta.url);
  return {
    createPrismServer: (require('@stoplight/prism-http-server') as typeof import('@stoplight/prism-http-server')).createServer,
    getHttpOperationsFromSpec: (require('@stoplight/prism-http') as typeof import('@stoplight/prism-http')).getHttpOperationsFromSpec,
    createLogger: (require('@stoplight/prism-core') as typeof import('@stoplight/prism-core')).createLogger,
  };
}

export async function startMockServer(options: MockOptions = {}): Promise<RunningServer> {
  const { api } = loadSpecs();
  const { createPrismServer, getHttpOperationsFromSpec, createLogger } = loadPrism();
  const operations = await getHttpOperationsFromSpec(specPath);
  const data = indexExamples(api);
  const router = createRouter([api]);
  const validator = createRequestValidator(api);
  const uploads = new Gate(LIMITS.concurrentUploads, LIMITS.queuedUploads);
  const prism = createPrismServer(operations, {
    cors: false,
    components: { logger: createLogger('MOCK', { level: 'silent' }) },
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      // Prism checks its own answers (the spec's examples) against the schemas and fails loudly if one is wrong.
      errors: true,
      mock: { dynamic: false },
      isProxy: false,
      upstreamProxy: undefined,
    } as never,
  });
  const prismUrl = await prism.listen(0, '127.0.0.1');

  async function handle(req: IncomingMessage, res: ServerResponse, correlationId: string): Promise<number> {
    if (answerPreflight(req, res)) return 204;
    const head = req.method === 'HEAD';
    const url = requestTarget(req);
    const { route, pathParams } = router.resolve(req.method ?? 'GET', url.pathname, 'the Permission Assist API');
    authenticate(req.headers.authorization);
    const multipart = /multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    const raw = multipart ? await uploads.run(() => readBody(req, LIMITS.uploadBytes)) : await readBody(req, LIMITS.jsonBodyBytes);
    const json = raw.length > 0 && /json/i.test(req.headers['content-type'] ?? '') ? parseJson(raw) : undefined;
    const problems = validator.check(route, { pathParams, query: url.searchParams, body: json, hasBody: json !== undefined });
    if (problems.length) throw validationError(problems);

    const headers = forwardedRequestHeaders(req);
    if (!headers.has('prefer')) {
      // A GET by id answers the example record with that id; another id is not found.
      const byId = route.method === 'GET' ? data.byIdRoutes.get(route.template) : undefined;
      if (byId) {
        const id = pathParams.id!.toLowerCase();
        const example = byId.examples.get(id);
        const record = data.records.get(byId.kind)?.get(id);
        if (example) headers.set('prefer', `example=${example}`);
        else if (record) return (send(res, 200, record, { 'x-request-id': correlationId }, head), 200);
        else throw new HttpError(404, `${label(byId.kind)} with id ${pathParams.id} not found`);
      }
      // A body or query that refers to a record the examples do not have (identityId, applicationId...) is not found.
      if (route.method === 'POST') {
        const fields = { ...Object.fromEntries(url.searchParams), ...(json && typeof json === 'object' ? (json as Record<string, unknown>) : {}) };
        for (const [field, value] of Object.entries(fields)) {
          const kind = data.referenceFields.get(field);
          if (kind && typeof value === 'string' && GUID.test(value) && !data.records.get(kind)?.has(value.toLowerCase())) {
            throw new HttpError(404, `${label(kind)} with id ${value} not found`);
          }
        }
      }
    }
    // Prism answers HEAD as GET would; the body is dropped below.
    const upstream = await fetch(`${prismUrl}${url.pathname}${url.search}`, {
      method: head ? 'GET' : req.method,
      headers,
      body: raw.length > 0 && !head ? new Uint8Array(raw) : undefined,
      redirect: 'manual',
    });
    const text = await upstream.text();
    const contentType = upstream.headers.get('content-type') ?? '';
    const out: Record<string, string> = { ...forwardedResponseHeaders(upstream), 'x-request-id': correlationId };
    delete out['sl-violations'];
    if (contentType.includes('problem+json') || upstream.status === 422) {
      // Prism's own refusals (an invalid upload it checked itself, a Prefer it cannot satisfy).
      const violations = JSON.parse(upstream.headers.get('sl-violations') ?? '[]') as PrismViolation[];
      const fields = fieldErrorsFromViolations(violations);
      if (fields.length) throw validationError(fields);
      const problem = contentType.includes('json') ? (JSON.parse(text) as { title?: string; detail?: string }) : {};
      const status = upstream.status >= 400 ? upstream.status : 500;
      send(res, status, errorBody(status, [problem.title, problem.detail].filter(Boolean).join(': ') || 'The mock could not answer', undefined, correlationId), out, head);
      return status;
    }
    send(res, upstream.status, text, out, head);
    return upstream.status;
  }

  // Never leak the internal Prism address or a stack trace: a generic 500 in the spec's shape.
  const front = createApiServer(handle, { onRequest: options.onRequest, unexpected: () => 'The mock failed unexpectedly' });

  try {
    await listen(front, options.port ?? 4010, options.host ?? '127.0.0.1');
  } catch (error) {
    await prism.close();
    throw error;
  }
  return {
    url: serverUrl(front),
    async close() {
      await closeServer(front);
      await prism.close();
    },
  };
}
