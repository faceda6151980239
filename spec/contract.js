// @ts-check
// Checks real traffic against the spec: finds the operation of a request and reports every way a
// request or response departs from it (which operation, where, expected, actual). Shared by the
// mock's proxy mode and the contract tests, so both judge traffic by the same rules.
import { createValidator, deref, describePattern, listOperations, loadSpec } from './load.js';

/**
 * @typedef {{ operationId: string, where: string, path: string, message: string, expected: string, actual: string, assumption?: string }} Violation
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

/**
 * When a value fails every branch of a oneOf/anyOf, Ajv reports every branch. Only the branch the
 * value was evidently meant to be is worth reporting: not one whose type it does not even have
 * (a wrong timestamp is not "expected null"), not one whose discriminator it contradicts (a User
 * target whose name is null is not "expected Group"), else the one with the fewest errors. Each
 * branch is validated on its own (Ajv reports errors inside a referenced schema with that
 * schema's own path, so they cannot be told apart by path).
 */
function bestBranches(errors, root, validate) {
  const union = errors.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (!union) return errors.filter((e) => e.keyword !== 'if');
  const at = union.instancePath;
  const value = valueAt(root, at);
  const candidates = (Array.isArray(union.schema) ? union.schema : []).map((branch) => validate(branch, value).map((e) => ({ ...e, instancePath: `${at}${e.instancePath}` })));
  const rest = errors.filter((e) => e !== union && e.instancePath !== at && !e.instancePath.startsWith(`${at}/`));
  // A oneOf that failed because several branches matched: there is nothing better to report.
  if (candidates.length === 0 || candidates.some((list) => list.length === 0)) return bestBranches([...errors.filter((e) => e !== union)], root, validate);
  const discriminator = union.parentSchema?.discriminator?.propertyName;
  const score = (list) =>
    list.reduce((sum, e) => {
      if (e.instancePath === at && e.keyword === 'type') return sum + 100;
      if (discriminator && e.instancePath === `${at}/${discriminator}`) return sum + 50;
      return sum + 1;
    }, 0);
  const best = [...candidates].sort((a, b) => score(a) - score(b))[0];
  return bestBranches([...rest, ...best], root, validate);
}

/** The `x-assumption` of the property a `required` error is about, if the spec marks one. */
function assumptionOf(e) {
  if (e.keyword !== 'required') return undefined;
  return e.parentSchema?.properties?.[e.params.missingProperty]?.['x-assumption'];
}

/** Turns Ajv errors into violations with the expected and the actual value. */
function toViolations(errors, value, operationId, where, validate) {
  const seen = new Set();
  const violations = [];
  for (const e of bestBranches(errors, value, validate)) {
    let path = e.instancePath || '';
    let expected = e.message ?? e.keyword;
    let actual = show(valueAt(value, e.instancePath));
    if (e.keyword === 'enum') expected = `one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'const') expected = JSON.stringify(e.params.allowedValue);
    else if (e.keyword === 'type') expected = `type ${e.params.type}`;
    else if (e.keyword === 'maxLength') expected = `at most ${e.params.limit} characters`;
    else if (e.keyword === 'minLength') expected = `at least ${e.params.limit} characters`;
    else if (e.keyword === 'minimum' || e.keyword === 'maximum') expected = `a number ${e.params.comparison} ${e.params.limit}`;
    else if (e.keyword === 'pattern') expected = describePattern(e).replace(/^must /, 'to ');
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
    const assumption = assumptionOf(e);
    violations.push({ operationId, where, path: path || '/', message: `${where}${path || ''}: expected ${expected}, got ${actual}`, expected, actual, ...(assumption ? { assumption } : {}) });
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
     * for the caller to print; the spec allows servers to add fields). `assumptions` are departures
     * where the spec marks its own unconfirmed choice (x-assumption): warnings, not violations.
     * @returns {{ violations: Violation[], undocumented: Violation[], assumptions: Violation[] }}
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
          assumptions: [],
        };
      }
      const response = deref(spec, documented);
      const missingHeaders = headers
        ? Object.entries(response.headers ?? {})
            .filter(([name, header]) => deref(spec, header).required && !(name.toLowerCase() in headers))
            .map(([name]) => ({ operationId, where: 'response.headers', path: `/${name}`, message: `response.headers: expected the documented header ${name}, got missing`, expected: `header ${name}`, actual: 'missing' }))
        : [];
      const content = response.content;
      if (!content) return { violations: missingHeaders, undocumented: [], assumptions: [] };
      const mediaType = Object.keys(content).find((type) => JSON_TYPE.test(type)) ?? Object.keys(content)[0];
      if (!contentType || !JSON_TYPE.test(contentType)) {
        return {
          violations: [{ operationId, where: 'response.headers.content-type', path: '/', message: `response content-type: expected ${mediaType}, got ${contentType ?? 'none'}`, expected: mediaType, actual: contentType ?? 'none' }],
          undocumented: [],
          assumptions: [],
        };
      }
      const schema = content[mediaType].schema;
      const found = [...missingHeaders, ...toViolations(validator.validate(schema, body), body, operationId, 'response.body', validator.validate)];
      // A departure where the spec marks its own choice (x-assumption) is not a broken server.
      const violations = found.filter((v) => !v.assumption);
      const assumptions = found.filter((v) => v.assumption);
      const undocumented = undocumentedFields && violations.length === 0
        ? toViolations(sealed.validate(schema, body).filter((e) => e.keyword === 'unevaluatedProperties'), body, operationId, 'response.body', sealed.validate)
        : [];
      return { violations, undocumented, assumptions };
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
        violations.push(...toViolations(validator.validate(parameter.schema, value), value, operationId, `request.${parameter.in}.${parameter.name}`, validator.validate));
      }
      const requestBody = deref(spec, operation.requestBody);
      const json = requestBody?.content?.['application/json'];
      if (json && contentType && JSON_TYPE.test(contentType)) {
        violations.push(...toViolations(validator.validate(json.schema, body), body, operationId, 'request.body', validator.validate));
      }
      return violations;
    },
  };
}
