// A Postman collection and environment for the API, converted from the spec by
// openapi-to-postmanv2. The spec copy it converts carries each parameter's own example into its
// schema (the converter reads examples from schemas), and request bodies date themselves from the
// day a request is sent; the collection then gets, from the same spec, a check of the documented
// status on every request and real file parts for uploads.
import converter from 'openapi-to-postmanv2';
import { deref, listOperations } from '@permission-assist/spec-kit';
import { computedDates, DaysFromToday, describeRequest } from './samples/request.mjs';

const DATE_VARIABLE = /\{\{today_plus_(\d+)_days\}\}/g;

/** Runs before every request: fills in the dates its body names, counted from today (UTC). */
const DATES_SCRIPT = [
  '// Dates in request bodies are counted from the day the request is sent: the API refuses past dates.',
  "const raw = (pm.request.body && pm.request.body.raw) || '';",
  `for (const match of raw.matchAll(${DATE_VARIABLE})) {`,
  '  const day = new Date(Date.now() + Number(match[1]) * 86400000).toISOString().slice(0, 10);',
  '  pm.variables.set(`today_plus_${match[1]}_days`, day);',
  '}',
];

function withDateVariables(value) {
  if (value instanceof DaysFromToday) return `{{today_plus_${value.days}_days}}${value.time ? 'T00:00:00Z' : ''}`;
  if (Array.isArray(value)) return value.map(withDateVariables);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDateVariables(v)]));
  return value;
}

/** The spec as the converter should read it: API operations only, examples where it looks for them. */
function convertible(spec) {
  const document = structuredClone(spec);
  delete document.webhooks;
  for (const { operation, parameters } of listOperations(document).filter((op) => op.section === 'paths')) {
    operation.parameters = parameters.map((p) => (p.example === undefined ? p : { ...p, schema: { ...deref(document, p.schema), example: p.example, examples: [p.example] } }));
    const content = deref(document, operation.requestBody)?.content?.['application/json'];
    if (content?.examples) {
      const [name] = Object.keys(content.examples);
      const example = deref(document, content.examples[name]);
      // The converter takes the first example; that one gets dates counted from the day of sending.
      content.examples = { [name]: { ...example, value: withDateVariables(computedDates(example.value)) } };
    }
  }
  return document;
}

function convert(document) {
  return new Promise((resolve, reject) => {
    converter.convert(
      { type: 'string', data: JSON.stringify(document) },
      { folderStrategy: 'Tags', parametersResolution: 'Example', requestParametersResolution: 'Example', exampleParametersResolution: 'Example', requestNameSource: 'Fallback', includeAuthInfoInExample: false },
      (error, result) => {
        if (error) reject(error);
        else if (!result.result) reject(new Error(`openapi-to-postmanv2: ${result.reason}`));
        else resolve(result.output[0].data);
      },
    );
  });
}

function* requestsOf(node) {
  for (const item of node.item ?? []) {
    if (item.request) yield item;
    else yield* requestsOf(item);
  }
}

/** The collection (Postman v2.1), with the documented status checked on every request. */
export async function postmanCollection(spec) {
  const collection = await convert(convertible(spec));
  const byName = new Map(listOperations(spec).filter((op) => op.section === 'paths').map((op) => [op.operation.summary, op]));
  for (const item of requestsOf(collection)) {
    const entry = byName.get(item.name);
    if (!entry) throw new Error(`postman: the request "${item.name}" matches no operation summary`);
    const request = describeRequest(spec, entry);
    item.event = [
      ...(item.event ?? []),
      { listen: 'test', script: { type: 'text/javascript', exec: [`pm.test('HTTP ${request.status}, as ${entry.operationId} documents', () => pm.response.to.have.status(${request.status}));`] } },
    ];
    // Upload parts are files: chosen in Postman, read from the working folder by newman.
    const files = new Map(request.multipart?.files.map((file) => [file.part, file.filename]));
    for (const part of item.request.body?.formdata ?? []) {
      if (files.has(part.key)) {
        part.type = 'file';
        part.src = files.get(part.key);
        delete part.value;
      }
    }
    // The upload's application goes in the form; the query parameter would say it twice.
    if (item.request.url.query && request.multipart) item.request.url.query = item.request.url.query.filter((q) => !request.multipart.fields.some(([name]) => name === q.key));
  }
  // A tag with no operation of the API (the webhook) would be an empty folder.
  collection.item = collection.item.filter((folder) => folder.request || [...requestsOf(folder)].length > 0);
  collection.event = [...(collection.event ?? []), { listen: 'prerequest', script: { type: 'text/javascript', exec: DATES_SCRIPT } }];
  return collection;
}

/** An environment with the two things to fill in: the server's base URL and the token. */
export function postmanEnvironment({ baseUrl = 'https://pa.example.com', token = '' } = {}) {
  return {
    name: 'Permission Assist',
    values: [
      { key: 'baseUrl', value: baseUrl, type: 'default', enabled: true },
      { key: 'bearerToken', value: token, type: 'secret', enabled: true },
    ],
    _postman_variable_scope: 'environment',
  };
}
