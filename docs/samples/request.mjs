// The language-neutral description of one call that every sample language renders: method, URL,
// query, JSON body, multipart parts, the status it documents, and whether it is a paged list.
// Everything comes from the spec (parameters' and request bodies' first examples); nothing here
// knows a particular operation.
import { deref } from '@permission-assist/spec-kit';

export const DEFAULT_HOST = 'https://pa.example.com';
/** The environment variable every sample reads the token from. */
export const TOKEN_VARIABLE = 'PA_TOKEN';

/**
 * A date in a request body, as a number of days from the day the sample runs. Example dates are
 * fixed and soon in the past, where the API refuses them ("must be today or later"); a sample
 * computes them instead. `time` keeps the example's form: a bare date or midnight UTC.
 */
export class DaysFromToday {
  constructor(days, time) {
    this.days = days;
    this.time = time;
  }
}

const DATE = /^(\d{4}-\d{2}-\d{2})(T00:00:00(?:\.0+)?Z)?$/;
const DAY_MS = 86_400_000;

/** The example value with each DaysFromToday written out as the date it names, counted from `today`. */
export function writeDates(value, today = new Date()) {
  if (value instanceof DaysFromToday) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + value.days * DAY_MS).toISOString().slice(0, 10);
    return value.time ? `${day}T00:00:00Z` : day;
  }
  if (Array.isArray(value)) return value.map((v) => writeDates(v, today));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, writeDates(v, today)]));
  return value;
}
/** How far ahead the first date of a body lies; later dates keep their distance from it. */
export const FIRST_DATE_DAYS = 14;

/** Replaces every date of an example body by a DaysFromToday, keeping the gaps between them. */
export function computedDates(value) {
  let first;
  const walk = (node) => {
    if (typeof node === 'string') {
      const match = DATE.exec(node);
      if (!match) return node;
      const day = Date.parse(`${match[1]}T00:00:00Z`);
      first ??= day;
      return new DaysFromToday(FIRST_DATE_DAYS + Math.round((day - first) / DAY_MS), match[2] !== undefined);
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value);
}

function firstExample(spec, content) {
  const [name] = Object.keys(content?.examples ?? {});
  return name ? deref(spec, content.examples[name]).value : content?.example;
}

/** Whether a multipart part is a file (a binary property, by name or by pattern) rather than a text field. */
function isFilePart(spec, schema, name) {
  const resolved = deref(spec, schema) ?? {};
  const byPattern = Object.entries(resolved.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern).test(name))?.[1];
  const property = deref(spec, resolved.properties?.[name] ?? byPattern);
  return property?.format === 'binary';
}

/**
 * @typedef {object} SampleRequest
 * @property {string} operationId
 * @property {string} method upper case
 * @property {string} host scheme, host and port, no trailing slash
 * @property {string} path the path with the example's path parameters filled in
 * @property {[string, string][]} query example query parameters, without `page`
 * @property {boolean} paged a list that answers one page at a time
 * @property {unknown} json JSON body (dates as DaysFromToday), or undefined
 * @property {{ fields: [string, string][], files: { part: string, filename: string, content: string }[] } | undefined} multipart
 * @property {number} status the success status the operation documents
 * @property {boolean} returnsBody whether that success answer has a body
 */

/** @returns {SampleRequest} */
export function describeRequest(spec, { path, method, operation, parameters, operationId }, { host = DEFAULT_HOST } = {}) {
  const pathParams = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.example]));
  const content = deref(spec, operation.requestBody)?.content ?? {};
  const jsonExample = firstExample(spec, content['application/json']);
  const formExample = firstExample(spec, content['multipart/form-data']);
  let multipart;
  if (formExample !== undefined) {
    const schema = content['multipart/form-data'].schema;
    const fields = [];
    const files = [];
    for (const [name, value] of Object.entries(formExample)) {
      if (isFilePart(spec, schema, name)) files.push({ part: name, filename: `${name}.csv`, content: String(value) });
      else fields.push([name, String(value)]);
    }
    multipart = { fields, files };
  }
  const formFields = new Set(multipart?.fields.map(([name]) => name));
  const query = parameters
    // A query parameter that the form also carries is sent once, in the form.
    .filter((p) => p.in === 'query' && p.name !== 'page' && p.example !== undefined && !formFields.has(p.name))
    .map((p) => [p.name, String(p.example)]);
  const [status] = Object.keys(operation.responses).filter((code) => /^2\d\d$/.test(code));
  const success = deref(spec, operation.responses[status]);
  return {
    operationId,
    method: method.toUpperCase(),
    host,
    path: path.replace(/\{(\w+)\}/g, (_m, name) => encodeURIComponent(pathParams[name])),
    query,
    paged: parameters.some((p) => p.in === 'query' && p.name === 'page'),
    json: jsonExample === undefined ? undefined : computedDates(jsonExample),
    multipart,
    status: Number(status),
    returnsBody: success?.content !== undefined,
  };
}

/** `?a=1&b=2` for the request's query (and extra pairs), or '' when there is none. */
export function queryString(pairs) {
  return pairs.length ? `?${new URLSearchParams(pairs)}` : '';
}
