// Checks real traffic against the spec: finds the operation of a request and reports every way a
// request or response departs from it (which operation, where, expected, actual). Shared by the
// mock's proxy mode and the contract tests, so both judge traffic by the same rules.
import { loadSpec } from './documents.js';
import type { HeaderObject, OpenApiDocument, OperationObject, ParameterObject, RequestBodyObject, ResponseObject, SchemaObject } from './openapi-types.js';
import { listOperations, type SpecOperation } from './operations.js';
import { deref } from './refs.js';
import { createRouteTable } from './routes.js';
import { createValidator } from './validator.js';
import { toViolations, type Violation } from './violations.js';

export type { Violation } from './violations.js';

/** A JSON media type: application/json or application/<anything>+json. */
export const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

export interface MatchedOperation {
  operationId: string;
  /** Lower case, as in the document. */
  method: string;
  template: string;
  operation: OperationObject;
  parameters: ParameterObject[];
  pathParams: Record<string, string>;
}

export interface CheckedResponse {
  violations: Violation[];
  undocumented: Violation[];
  assumptions: Violation[];
}

export interface Contract {
  spec: OpenApiDocument;
  /** The API's operations (not webhooks), literal paths first. */
  operations: { operationId: string; method: string; path: string; operation: OperationObject }[];
  match(method: string, pathname: string): MatchedOperation | undefined;
  /**
   * Checks a response: a documented status, the documented content type, a body valid for that
   * status. `undocumentedFields: true` also reports fields the spec does not define (as warnings
   * for the caller to print; the spec allows servers to add fields). `assumptions` are departures
   * where the spec marks its own unconfirmed choice (x-assumption): warnings, not violations.
   */
  checkResponse(
    matched: MatchedOperation,
    response: { status: number; contentType: string | null | undefined; body: unknown; headers?: Record<string, string> | undefined },
    options?: { undocumentedFields?: boolean },
  ): CheckedResponse;
  /** Checks a request's query, path parameters and JSON body. */
  checkRequest(matched: MatchedOperation, request: { query?: Record<string, string>; body?: unknown; contentType?: string | null | undefined }): Violation[];
}

/** A path segment decoded, or as sent when its percent-encoding is malformed (`%ff`). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function createContract(spec: OpenApiDocument = loadSpec()): Contract {
  const validator = createValidator(spec);
  const sealed = createValidator(spec, { sealed: true });
  const table = createRouteTable<SpecOperation>(listOperations(spec).filter((op) => op.section === 'paths'));

  return {
    spec,
    operations: table.routes.map(({ operationId, method, path, operation }) => ({ operationId, method, path, operation })),

    match(method, pathname) {
      const found = table.match(method, pathname);
      if (!found.found) return undefined;
      const { route, rawParams } = found;
      const pathParams = Object.fromEntries(Object.entries(rawParams).map(([name, raw]) => [name, safeDecode(raw)]));
      return { operationId: route.operationId, method: route.method, template: route.path, operation: route.operation, parameters: route.parameters, pathParams };
    },

    checkResponse(matched, { status, contentType, body, headers = undefined }, { undocumentedFields = false } = {}) {
      const { operationId, operation } = matched;
      const responses = operation.responses ?? {};
      // `default` stands for "any other error status" in this spec: a 2xx or 3xx it does not list is
      // still an undocumented status.
      const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? (status >= 400 ? responses.default : undefined);
      if (!documented) {
        const listed = Object.keys(responses).filter((key) => key !== 'default');
        const expected = `one of ${listed.join(', ')}${responses.default ? ' or another error status' : ''}`;
        return {
          violations: [{ operationId, where: 'response.status', path: '/', message: `response.status: expected ${expected}, got ${status}`, expected, actual: String(status) }],
          undocumented: [],
          assumptions: [],
        };
      }
      const response = deref<ResponseObject>(spec, documented);
      const missingHeaders: Violation[] = headers
        ? Object.entries(response.headers ?? {})
            .filter(([name, header]) => deref<HeaderObject>(spec, header).required && !(name.toLowerCase() in headers))
            .map(([name]) => ({ operationId, where: 'response.headers', path: `/${name}`, message: `response.headers: expected the documented header ${name}, got missing`, expected: `header ${name}`, actual: 'missing' }))
        : [];
      const content = response.content;
      if (!content) return { violations: missingHeaders, undocumented: [], assumptions: [] };
      const mediaType = Object.keys(content).find((type) => JSON_TYPE.test(type)) ?? Object.keys(content)[0] ?? 'application/json';
      if (!contentType || !JSON_TYPE.test(contentType)) {
        return {
          violations: [{ operationId, where: 'response.headers.content-type', path: '/', message: `response content-type: expected ${mediaType}, got ${contentType ?? 'none'}`, expected: mediaType, actual: contentType ?? 'none' }],
          undocumented: [],
          assumptions: [],
        };
      }
      const schema = content[mediaType]?.schema;
      const found = [...missingHeaders, ...toViolations(validator.validate(schema, body), body, operationId, 'response.body', validator.validate)];
      // A departure where the spec marks its own choice (x-assumption) is not a broken server.
      const violations = found.filter((v) => !v.assumption);
      const assumptions = found.filter((v) => v.assumption);
      const undocumented =
        undocumentedFields && violations.length === 0
          ? toViolations(sealed.validate(schema, body).filter((e) => e.keyword === 'unevaluatedProperties'), body, operationId, 'response.body', sealed.validate)
          : [];
      return { violations, undocumented, assumptions };
    },

    checkRequest(matched, { query = {}, body, contentType }) {
      const { operationId, operation, parameters, pathParams } = matched;
      const violations: Violation[] = [];
      for (const parameter of parameters) {
        const source = parameter.in === 'path' ? pathParams : parameter.in === 'query' ? query : undefined;
        if (!source) continue;
        const raw = source[parameter.name];
        if (raw === undefined) {
          if (parameter.required) violations.push({ operationId, where: `request.${parameter.in}`, path: `/${parameter.name}`, message: `request.${parameter.in}.${parameter.name}: expected a required parameter, got missing`, expected: 'a required parameter', actual: 'missing' });
          continue;
        }
        const schema = deref<SchemaObject>(spec, parameter.schema);
        const value = schema && 'type' in schema && schema.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
        violations.push(...toViolations(validator.validate(parameter.schema, value), value, operationId, `request.${parameter.in}.${parameter.name}`, validator.validate));
      }
      const requestBody = deref<RequestBodyObject>(spec, operation.requestBody);
      const json = requestBody?.content?.['application/json'];
      if (json && contentType && JSON_TYPE.test(contentType)) {
        const schema = 'schema' in json ? json.schema : undefined;
        violations.push(...toViolations(validator.validate(schema, body), body, operationId, 'request.body', validator.validate));
      }
      return violations;
    },
  };
}
