// The part of the pipeline the sandbox and --static share once a request is admitted: find its
// operation in the spec (404/405), check its token (401/403), read its body (413/415/408) and
// validate every parameter and body field (400 naming each). The handler then only answers.
import type { OpenApiDocument } from '@permission-assist/spec-kit';
import { authenticate } from '../sandbox/auth.js';
import { createRequestValidator, type RequestValidator } from '../validation/request-validator.js';
import { validationError } from './errors.js';
import type { Exchange } from './front-door.js';
import type { UploadedForm } from './multipart.js';
import { createBodyReader } from './request-body.js';
import { createRouter, type Route } from './router.js';
import type { HttpSettings } from './settings.js';

export interface OperationRequest {
  route: Route;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** The parsed, validated JSON (or text) body. */
  body: any;
  hasBody: boolean;
  form?: UploadedForm;
}

export interface OperationReaderOptions {
  specs: OpenApiDocument[];
  /** What the server serves, for the 404 of an unknown path. */
  served: string;
  settings: HttpSettings;
  /** A smaller body limit for some operations (the webhook callback URL). */
  jsonLimitOf?: (operationId: string) => number;
  /** Check upload parts against the spec's multipart schema (--static; the sandbox checks them against its data). */
  validateForms?: boolean;
}

export function createOperationReader({ specs, served, settings, jsonLimitOf, validateForms = false }: OperationReaderOptions) {
  const router = createRouter(specs);
  const validators = new Map<unknown, RequestValidator>(specs.map((spec) => [spec, createRequestValidator(spec)]));
  const readBody = createBodyReader(settings, jsonLimitOf);

  return {
    router,
    async read({ req, url }: Exchange): Promise<OperationRequest> {
      const { route, pathParams } = router.resolve(req.method ?? 'GET', url.pathname, served);
      if (route.secured) authenticate(req.headers.authorization);
      const { body, hasBody, form } = await readBody(req, route.operationId, route.operation, route.spec);
      const validator = validators.get(route.spec)!;
      const problems = validator.check(route, { pathParams, query: url.searchParams, body, hasBody: hasBody && !form });
      if (form && validateForms) problems.push(...validator.checkForm(route, form));
      if (problems.length) throw validationError(problems);
      return { route, pathParams, query: url.searchParams, body, hasBody, form };
    },
  };
}
