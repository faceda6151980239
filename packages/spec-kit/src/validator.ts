// JSON Schema 2020-12 validators (Ajv) built from the spec's own schemas, so that every package
// validates against the spec itself and no schema is ever restated by hand.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type * as Ajv from 'ajv/dist/2020.js';
import type * as AjvFormats from 'ajv-formats';
import type { OpenApiDocument } from './openapi-types.js';
import { loadSpec } from './documents.js';

// Ajv (CommonJS) is loaded when the first validator is made, not when this package is imported: a
// server that makes its validators on first use starts without it (60 ms on a busy machine).
const require = createRequire(import.meta.url);
let ajvModules: { Ajv2020: typeof Ajv.Ajv2020; addFormats: typeof AjvFormats.default.default } | undefined;
const loadAjv = () =>
  (ajvModules ??= {
    Ajv2020: (require('ajv/dist/2020.js') as typeof Ajv).Ajv2020,
    // module.exports of ajv-formats is the plugin, which also carries itself as `default`.
    addFormats: (require('ajv-formats') as typeof AjvFormats.default).default,
  });

const SPEC_ID = 'urn:permission-assist:openapi';
type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object';

/**
 * "Sealed" schemas reject properties the spec does not define. The spec leaves objects open so
 * that servers may add fields; sealing is for checking our own examples (stray or misspelt fields)
 * and for reporting undocumented fields. Components used as an allOf part stay open: their parent
 * is sealed instead, since unevaluatedProperties sees through allOf but a sealed part would not.
 */
function seal(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec);
  const allOfParts = new Set<string>();
  const visitAllOf = (node: unknown): void => {
    if (!isNode(node)) return;
    if (Array.isArray(node.allOf)) for (const part of node.allOf) if (isNode(part) && typeof part.$ref === 'string') allOfParts.add(part.$ref);
    Object.values(node).forEach(visitAllOf);
  };
  visitAllOf(copy.components?.schemas);
  const visit = (node: unknown, insideAllOf: boolean): void => {
    if (!isNode(node)) return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, false));
    const open = !('additionalProperties' in node) && !('unevaluatedProperties' in node) && !('patternProperties' in node);
    if (open && !insideAllOf && (node.properties || node.allOf)) node.unevaluatedProperties = false;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'examples' || key === 'example' || key === 'const' || key === 'enum' || key === 'default') continue;
      if (key === 'allOf' && Array.isArray(child)) child.forEach((part) => visit(part, true));
      else visit(child, false);
    }
  };
  for (const [name, schema] of Object.entries(copy.components?.schemas ?? {})) {
    visit(schema, allOfParts.has(`#/components/schemas/${name}`));
  }
  return copy;
}

/** Every `x-...` key used inside the given schemas. */
function extensionKeys(node: unknown, found = new Set<string>()): Set<string> {
  if (!isNode(node)) return found;
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('x-')) found.add(key);
    else if (key !== 'examples' && key !== 'example' && key !== 'const' && key !== 'enum') extensionKeys(child, found);
  }
  return found;
}

export interface SpecValidator {
  /** Validates `value` against a schema taken from the document (inline or `$ref`): Ajv's errors, or none. */
  validate(schema: unknown, value: unknown): ErrorObject[];
}

export interface ValidatorOptions {
  /** Reject properties the spec does not define (see seal()). */
  sealed?: boolean;
  /** Check `format`s (the default); false treats them as annotations, as JSON Schema 2020-12 does by default. */
  formats?: boolean;
  /**
   * Check the document's schemas against the JSON Schema 2020-12 meta-schema first (the default).
   * A server that validates against our own spec, which the spec's tests already check this way,
   * passes false: compiling the meta-schema and checking every component takes a quarter of a
   * second, at every start.
   */
  metaSchema?: boolean;
}

/** A validator factory for schemas of the spec. */
export function createValidator(spec: OpenApiDocument = loadSpec(), { sealed = false, formats = true, metaSchema = true }: ValidatorOptions = {}): SpecValidator {
  const document = sealed ? seal(spec) : spec;
  // `formats: false` validates as a tool that treats `format` as an annotation only, to prove the
  // spec does not rely on formats to tell values apart.
  const { Ajv2020, addFormats } = loadAjv();
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, validateFormats: formats, validateSchema: metaSchema });
  addFormats(ajv);
  // OpenAPI keywords that are annotations for validation purposes.
  for (const keyword of ['discriminator', 'example', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
  // Specification extensions (x-canonical-values, x-assumption...) are annotations too.
  for (const keyword of extensionKeys(document.components?.schemas)) ajv.addKeyword(keyword);
  ajv.addFormat('binary', true);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  // Component schemas become the $defs of one registered schema; local "#/components/schemas/X"
  // pointers (in components and in inline schemas alike) are rebased onto it.
  const rebase = (json: string): Node => JSON.parse(json.replaceAll('"$ref":"#/components/schemas/', `"$ref":"${SPEC_ID}#/$defs/`)) as Node;
  ajv.addSchema({ $id: SPEC_ID, $defs: rebase(JSON.stringify(document.components?.schemas ?? {})) });
  const cache = new Map<string, ValidateFunction>();
  // A schema taken from the document is the same object on every call: found by identity, it is
  // not serialised again (a request's checks would otherwise stringify its schemas every time).
  const byObject = new WeakMap<object, ValidateFunction>();
  const compile = (schema: unknown): ValidateFunction => {
    const isObject = schema !== null && typeof schema === 'object';
    let fn = isObject ? byObject.get(schema) : undefined;
    if (fn) return fn;
    const key = JSON.stringify(schema);
    fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(rebase(key));
      cache.set(key, fn);
    }
    if (isObject) byObject.set(schema, fn);
    return fn;
  };
  return {
    validate(schema, value) {
      const fn = compile(schema);
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
  };
}

/** The schema an error is about, as far as these messages read it (Ajv types it loosely). */
interface ErrorSchema {
  'x-canonical-values'?: unknown;
  examples?: unknown[];
}

/**
 * A pattern failure in words, since the regular expression alone helps nobody: the canonical
 * values of a case-insensitive filter, else the schema's first example, else the pattern itself.
 */
export function describePattern(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as ErrorSchema;
  const canonical = schema['x-canonical-values'];
  if (Array.isArray(canonical)) return `must be one of ${canonical.join(', ')} (case is ignored)`;
  if (schema.examples?.length) return `must look like ${String(schema.examples[0])}`;
  return `must match pattern ${String(error.params.pattern)}`;
}

/** One line per Ajv error: "<instance path>: <message>" with the allowed values where useful. */
export function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map((e) => {
    const where = e.instancePath || '(root)';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'enum') return `${where}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    if (e.keyword === 'unevaluatedProperties') return `${where}: has undocumented field "${String(params.unevaluatedProperty)}"`;
    if (e.keyword === 'additionalProperties') return `${where}: has unknown field "${String(params.additionalProperty)}"`;
    if (e.keyword === 'required') return `${where}: is missing required field "${String(params.missingProperty)}"`;
    if (e.keyword === 'pattern') return `${where}: ${describePattern(e)}`;
    return `${where}: ${e.message}`;
  });
}
