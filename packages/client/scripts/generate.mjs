// Generates src/generated/ from spec/openapi.yaml:
//   schema.ts      types of every path and component (openapi-typescript)
//   operations.ts  the resource-style method table and its types, derived from operationIds and tags
//   models.ts      a friendly name for every component schema (Identity, CreateOnboardEventRequest...)
// Run by `npm run build`; `--check` exits 1 if the committed files differ from what the spec generates.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import openapiTS, { astToString, transformSchemaObject, tsIntersection, tsLiteral, tsUnion } from 'openapi-typescript';
import { listOperations, loadSpec, specPath, methodName, resourceNames, syncGeneratedFiles } from '@permission-assist/spec-kit';

const HEADER = `// generated — do not edit. Produced from spec/openapi.yaml by packages/client/scripts/generate.mjs.\n`;
// --out DIR lets the drift test check a copy of the generated files.
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? pathToFileURL(`${process.argv[outFlag + 1].replace(/\/?$/, '/')}`) : new URL('../src/generated/', import.meta.url);

function docComment(operation) {
  const text = [operation.summary, '', ...(operation.description ?? '').trim().split('\n')]
    .join('\n')
    .replaceAll('*/', '*\\/')
    .split('\n')
    .map((line) => `   * ${line}`.trimEnd());
  return `  /**\n${text.join('\n')}\n   */`;
}

function buildOperations(spec) {
  const resources = new Map();
  for (const { section, path, method, operationId, operation, parameters } of listOperations(spec)) {
    if (section !== 'paths') continue;
    const names = resourceNames(operation.tags[0]);
    if (!resources.has(names.property)) resources.set(names.property, { names, methods: [] });
    const content = operation.requestBody?.content ?? {};
    const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
    if (pathParams.length > 1) throw new Error(`${operationId}: more than one path parameter is not supported`);
    const success = Object.keys(operation.responses).find((s) => s.startsWith('2'));
    const paginated = parameters.some((p) => p.in === 'query' && p.name === 'page');
    resources.get(names.property).methods.push({
      name: methodName(operationId, names),
      operationId,
      method: method.toUpperCase(),
      path,
      pathParam: pathParams[0],
      body: 'multipart/form-data' in content ? 'multipart' : 'application/json' in content ? 'json' : undefined,
      hasQuery: parameters.some((p) => p.in === 'query'),
      success: Number(success),
      paginated,
      operation,
      waiter: operation['x-pa-waiters'],
    });
  }
  return [...resources.values()];
}

function renderOperations(resources) {
  const table = resources
    .map(({ names, methods }) => {
      const rows = methods.map((m) => {
        const fields = [`method: '${m.method}'`, `path: '${m.path}'`, `operationId: '${m.operationId}'`];
        if (m.pathParam) fields.push(`pathParam: '${m.pathParam}'`);
        if (m.body) fields.push(`body: '${m.body}'`);
        if (m.paginated) fields.push('paginated: true');
        return `    ${m.name}: { ${fields.join(', ')} },`;
      });
      return `  ${names.property}: {\n${rows.join('\n')}\n  },`;
    })
    .join('\n');

  // x-pa-waiters: one waiter per resource whose get operation declares how its records settle.
  const waiterRows = resources.flatMap(({ names, methods }) =>
    methods
      .filter((m) => m.waiter)
      .map((m) => {
        const { field, success, failure = [], retry, delay } = m.waiter;
        const list = (values) => `[${values.map((v) => `'${v}'`).join(', ')}]`;
        const fields = [`get: '${m.name}'`, `field: '${field}'`, `success: ${list(success)}`, `failure: ${list(failure)}`, `retry: ${list(retry)}`];
        if (delay) fields.push(`delay: { minMs: ${delay.minMs}, maxMs: ${delay.maxMs} }`);
        return `  ${names.property}: { ${fields.join(', ')} },`;
      }),
  );

  const interfaces = resources
    .map(({ names, methods }) => {
      const members = methods.flatMap((m) => {
        const op = `operations['${m.operationId}']`;
        const result = `SuccessBody<${op}>`;
        const args = [];
        if (m.pathParam) args.push(`${m.pathParam}: string`);
        if (m.body === 'json') args.push(`body: JsonBody<${op}>`);
        if (m.body === 'multipart') args.push(`input: UploadInput`);
        if (m.hasQuery && !m.body) args.push(`query?: QueryOf<${op}>`);
        args.push('options?: RequestOptions');
        const lines = [`${docComment(m.operation)}\n  ${m.name}(${args.join(', ')}): ApiPromise<${result}>;`];
        if (m.paginated) {
          lines.push(
            `  /** Every item of \`${m.name}\` across all pages, in order (pages after the first are fetched concurrently). */\n` +
              `  ${m.name}All(query?: FiltersOf<${op}>, options?: PaginationOptions): AsyncIterableIterator<PageItem<${result}>>;`,
            `  /** Collects every item of \`${m.name}\` across all pages into one array. */\n` +
              `  ${m.name}Collect(query?: FiltersOf<${op}>, options?: PaginationOptions): Promise<PageItem<${result}>[]>;`,
          );
        }
        if (m.waiter) {
          const { field, success, failure = [] } = m.waiter;
          const record = `SuccessBody<${op}>`;
          const quoted = (values) => values.map((v) => `\`${v}\``).join(', ');
          lines.push(
            `  /**\n   * Polls \`${m.name}\` until the record's \`${field}\` is final: resolves with the record on ${quoted(success)}, ` +
              `rejects with WaiterFailureError on ${failure.length ? quoted(failure) : 'no status'} and with WaiterTimeoutError when \`timeoutMs\` runs out ` +
              `(both carry the last record and every status seen).\n   */\n` +
              `  waitUntilDone(${m.pathParam}: string, options?: WaitOptions<${record}>): Promise<${record}>;`,
            `  /**\n   * Polls \`${m.name}\` until the record's \`${field}\` is one of \`options.status\`; a final status other than those ` +
              `ends the wait with WaiterFailureError.\n   */\n` +
              `  waitFor(${m.pathParam}: string, options: WaitForOptions<${record}>): Promise<${record}>;`,
          );
        }
        return lines;
      });
      const tagDoc = `/** ${names.plural.replace(/([a-z])([A-Z])/g, '$1 $2')} operations. */`;
      return `${tagDoc}\nexport interface ${names.plural}Resource {\n${members.join('\n')}\n}`;
    })
    .join('\n\n');

  const api = resources.map(({ names }) => `  ${names.property}: ${names.plural}Resource;`).join('\n');
  return `${HEADER}
import type { operations } from './schema.js';
import type { ApiPromise, FiltersOf, JsonBody, PageItem, PaginationOptions, QueryOf, RequestOptions, SuccessBody, UploadInput } from '../types.js';
import type { WaitForOptions, WaitOptions } from '../waiters.js';

/** Every API operation, grouped by resource; the runtime builds the resource methods from this table. */
export const operationTable = {
${table}
} as const;

/**
 * How the records of a resource settle, from the \`x-pa-waiters\` extension of its get operation:
 * the status field, its final (success, failure) and passing (retry) values, and the poll delay.
 */
export const waiterTable = {
${waiterRows.join('\n')}
} as const;

${interfaces}

/** The resource-style methods of a Permission Assist client. */
export interface PermissionAssistResources {
${api}
}
`;
}

/**
 * The key type of a patternProperties pattern: a literal prefix followed by digits becomes
 * `customField${number}`, any other literal prefix `prefix${string}`; no prefix stays `string`.
 */
function patternKeyType(pattern) {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  const prefix = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body)?.[0];
  if (!prefix) return undefined;
  const rest = body.slice(prefix.length);
  const numeric = /^(\[[0-9-]+\]|\\d)([*+?]|\{\d*,?\d*\})?(\[[0-9-]+\]|\\d)*([*+?]|\{\d*,?\d*\})?$/.test(rest);
  const spanType = ts.factory.createKeywordTypeNode(numeric ? ts.SyntaxKind.NumberKeyword : ts.SyntaxKind.StringKeyword);
  return ts.factory.createTemplateLiteralType(ts.factory.createTemplateHead(prefix), [
    ts.factory.createTemplateLiteralTypeSpan(spanType, ts.factory.createTemplateTail('')),
  ]);
}

/**
 * Where openapi-typescript's output would be looser than the spec means:
 * - a case-insensitive filter (a pattern) becomes the union of its `x-canonical-values`, the
 *   spellings a client should send;
 * - `patternProperties` such as `^customField[1-9][0-9]*$` become a template literal index
 *   signature, so a misspelt property (`titel`) does not compile as a custom field.
 */
function transform(schema, options) {
  if (Array.isArray(schema['x-canonical-values'])) return tsUnion(schema['x-canonical-values'].map((value) => tsLiteral(value)));
  if (!schema.patternProperties) return undefined;
  const keyed = Object.entries(schema.patternProperties).map(([pattern, value]) => [patternKeyType(pattern), value]);
  if (keyed.some(([key]) => !key)) return undefined;
  const { patternProperties: _pattern, ...rest } = schema;
  const members = keyed.map(([key, value]) =>
    ts.factory.createTypeLiteralNode([
      ts.factory.createIndexSignature(
        undefined,
        [ts.factory.createParameterDeclaration(undefined, undefined, 'key', undefined, key)],
        transformSchemaObject(value, options),
      ),
    ]),
  );
  return tsIntersection([transformSchemaObject(rest, options), ...members]);
}

/** Exported names that would shadow a global for the importer keep a name of their own. */
const MODEL_NAMES = { Error: 'ErrorBody' };

function renderModels(spec) {
  const lines = Object.entries(spec.components.schemas).map(([name, schema]) => {
    const description = (schema.description ?? '').trim().replaceAll('*/', '*\\/');
    const doc = description ? `/**\n${description.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\n` : '';
    return `${doc}export type ${MODEL_NAMES[name] ?? name} = Schemas['${name}'];`;
  });
  return `${HEADER}
import type { components } from './schema.js';

type Schemas = components['schemas'];

${lines.join('\n\n')}
`;
}

/** Which description the client was generated from: its info.version and the sha256 of the file's bytes. */
function renderSpecInfo(spec) {
  const sha256 = createHash('sha256').update(readFileSync(specPath)).digest('hex');
  return `${HEADER}
/** info.version of the OpenAPI description this client was generated from. */
export const SPEC_VERSION = ${JSON.stringify(spec.info.version)};

/** sha256 (hex) of that description's openapi.yaml, byte for byte. */
export const SPEC_SHA256 = ${JSON.stringify(sha256)};
`;
}

async function generate() {
  const spec = loadSpec();
  const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: false, exportType: false, transform });
  return {
    'schema.ts': `${HEADER}/* eslint-disable */\n${astToString(ast)}`,
    'operations.ts': renderOperations(buildOperations(spec)),
    'models.ts': renderModels(spec),
    'spec-info.ts': renderSpecInfo(spec),
  };
}

const files = await generate();
if (!syncGeneratedFiles({ label: 'client', outDir, files, rebuild: 'npm run build' }, process.argv.includes('--check'))) process.exit(1);
