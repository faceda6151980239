// @ts-check
// Checks real traffic against the spec: finds the operation of a request and reports every way a
// request or response departs from it (which operation, where, expected, actual). Shared by the
// mock's proxy mode and the contract tests, so both judge traffic by the same rules.
import { createValidator, deref, describePattern, listOperations, loadSpec } from './load.js';

/**
 * @typedef {{ operationId: string, where: string, path: string, message: string, expected: string, actual: string }} Violation
 * @typedef {{ operationId: string, method: string, template: string, operation: any, parameters: any[], pathParams: Record<string, string> }} MatchedOperation
 */

/** A JSON media type: application/json or application/<anything>+json. */
export const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

function show(value) {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function valueAt(root, instancePath) {
  if (!instancePath) return root;
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node == null ? undefined : node[key]), root);
}

/** Turns Ajv errors into violations with the expected and the actual value. */
function toViolations(errors, value, operationId, where) {
  const seen = new Set();
  const violations = [];
  for (const e of errors) {
    // oneOf/anyOf summaries repeat what their branches said.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    let path = e.instancePath || '';
    let expected = e.message ?? e.keyword;
    let actual = show(valueAt(value, e.instancePath));
    if (e.keyword === 'enum') expected = `one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'const') expected = JSON.stringify(e.params.allowedValue);
    else if (e.keyword === 'type') expected = `type ${e.params.type}`;
    else if (e.keyword === 'maxLength') expected = `at most ${e.params.limit} characters`;
    else if (e.keyword === 'minLength') expected = `at least ${e.params.limit} characters`;
    else if (e.keyword === 'minimum' || e.keyword === 'maximum') expected = `a number ${e.params.comparison} ${e.params.limit}`;
    else if (e.keyword === 'pattern') expected = describePattern(e).replace(/^must /, '');
    else if (e.keyword === 'format') expected = `format ${e.params.format}`;
    else if (e.keyword === 'required') {
      path = `${path}/${e.params.missingProperty}`;
      expected = 'a required field';
      actual = 'missing';
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const name = e.params.additionalProperty ?? e.params.unevaluatedProperty;
      path = `${path}/${name}`;
      expected = 'no such field (not in the spec)';
      actual = show(valueAt(value, path));
    }
    const key = `${path}|${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ operationId, where, path: path || '/', message: `${where}${path || ''}: expected ${expected}, got ${actual}`, expected, actual });
  }
  return violations;
}

/** A path segment decoded, or as sent when its percent-encoding is malformed (`%ff`). */
function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compilePath(template) {
  const names = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}$`), names };
}

export function createContract(spec = loadSpec()) {
  const validator = createValidator(spec);
  const sealed = createValidator(spec, { sealed: true });
  // Literal paths first, so /api/application-imports/stage is not taken for /{id}.
  const routes = listOperations(spec)
    .filter((op) => op.section === 'paths')
    .map((op) => ({ ...op, ...compilePath(op.path) }))
    .sort((a, b) => a.names.length - b.names.length);

  return {
    spec,
    operations: routes.map(({ operationId, method, path }) => ({ operationId, method, path })),

    /** @returns {MatchedOperation | undefined} */
    match(method, pathname) {
      for (const route of routes) {
        if (route.method !== method.toLowerCase()) continue;
        const found = route.regex.exec(pathname);
        if (!found) continue;
        const pathParams = Object.fromEntries(route.names.map((name, i) => [name, safeDecode(found[i + 1])]));
        return { operationId: route.operationId, method: route.method, template: route.path, operation: route.operation, parameters: route.parameters, pathParams };
      }
      return undefined;
    },

    /**
     * Checks a response: a documented status, the documented content type, a body valid for that
     * status. `undocumentedFields: true` also reports fields the spec does not define (as warnings
     * for the caller to print; the spec allows servers to add fields).
     * @returns {{ violations: Violation[], undocumented: Violation[] }}
     */
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
        };
      }
      const response = deref(spec, documented);
      const missingHeaders = headers
        ? Object.entries(response.headers ?? {})
            .filter(([name, header]) => deref(spec, header).required && !(name.toLowerCase() in headers))
            .map(([name]) => ({ operationId, where: 'response.headers', path: `/${name}`, message: `response.headers: expected the documented header ${name}, got missing`, expected: `header ${name}`, actual: 'missing' }))
        : [];
      const content = response.content;
      if (!content) return { violations: missingHeaders, undocumented: [] };
      const mediaType = Object.keys(content).find((type) => JSON_TYPE.test(type)) ?? Object.keys(content)[0];
      if (!contentType || !JSON_TYPE.test(contentType)) {
        return {
          violations: [{ operationId, where: 'response.headers.content-type', path: '/', message: `response content-type: expected ${mediaType}, got ${contentType ?? 'none'}`, expected: mediaType, actual: contentType ?? 'none' }],
          undocumented: [],
        };
      }
      const schema = content[mediaType].schema;
      const violations = [...missingHeaders, ...toViolations(validator.validate(schema, body), body, operationId, 'response.body')];
      const undocumented = undocumentedFields && violations.length === 0
        ? toViolations(sealed.validate(schema, body).filter((e) => e.keyword === 'unevaluatedProperties'), body, operationId, 'response.body')
        : [];
      return { violations, undocumented };
    },

    /**
     * Checks a request's query, path parameters and JSON body.
     * @returns {Violation[]}
     */
    checkRequest(matched, { query = {}, body, contentType }) {
      const { operationId, operation, parameters, pathParams } = matched;
      const violations = [];
      for (const parameter of parameters) {
        const source = parameter.in === 'path' ? pathParams : parameter.in === 'query' ? query : undefined;
        if (!source) continue;
        const raw = source[parameter.name];
        if (raw === undefined) {
          if (parameter.required) violations.push({ operationId, where: `request.${parameter.in}`, path: `/${parameter.name}`, message: `request.${parameter.in}.${parameter.name}: expected a required parameter, got missing`, expected: 'a required parameter', actual: 'missing' });
          continue;
        }
        const schema = deref(spec, parameter.schema);
        const value = schema?.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
        violations.push(...toViolations(validator.validate(parameter.schema, value), value, operationId, `request.${parameter.in}.${parameter.name}`));
      }
      const requestBody = deref(spec, operation.requestBody);
      const json = requestBody?.content?.['application/json'];
      if (json && contentType && JSON_TYPE.test(contentType)) {
        violations.push(...toViolations(validator.validate(json.schema, body), body, operationId, 'request.body'));
      }
      return violations;
    },
  };
}
