// @ts-check
// Loads spec/openapi.yaml and builds JSON Schema 2020-12 validators from it, so that every
// package validates against the spec itself and no schema is ever restated by hand.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const specPath = fileURLToPath(new URL('./openapi.yaml', import.meta.url));
/** The sandbox control plane's own description; it refers to the API description's schemas. */
export const sandboxSpecPath = fileURLToPath(new URL('./sandbox.yaml', import.meta.url));
const SPEC_ID = 'urn:permission-assist:openapi';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const readYaml = (path) => parse(readFileSync(path, 'utf8'), { maxAliasCount: 1000 });

/**
 * @returns {any} the parsed OpenAPI document (YAML aliases expanded into shared objects). References
 * into another file (`./openapi.yaml#/components/schemas/Error`) are brought in as local components,
 * with everything they refer to, so the result is one self-contained document.
 */
export function loadSpec(path = specPath) {
  const document = readYaml(path);
  inlineExternalRefs(document, dirname(path));
  return document;
}

function inlineExternalRefs(document, baseDir) {
  const files = new Map();
  const external = (file) => {
    const full = resolve(baseDir, file);
    if (!files.has(full)) files.set(full, readYaml(full));
    return files.get(full);
  };
  /** Copies component `section/name` of `source` into the document (once) and walks the copy. */
  const bring = (source, section, name, ref) => {
    const target = source.components?.[section]?.[name];
    if (target === undefined) throw new Error(`Unresolvable $ref ${ref}`);
    document.components ??= {};
    document.components[section] ??= {};
    const existing = document.components[section][name];
    if (existing !== undefined) {
      if (existing.__from !== source) throw new Error(`$ref ${ref}: a component named ${section}/${name} already exists here`);
      return;
    }
    const copy = structuredClone(target);
    Object.defineProperty(copy, '__from', { value: source, enumerable: false });
    document.components[section][name] = copy;
    walk(copy, source);
  };
  const walk = (node, source) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const match = /^([^#]*)#\/components\/([^/]+)\/([^/]+)(\/.*)?$/.exec(node.$ref);
      if (match && (match[1] || source !== document)) {
        const [, file, section, name, rest = ''] = match;
        bring(file ? external(file) : source, section, name, node.$ref);
        node.$ref = `#/components/${section}/${name}${rest}`;
      }
    }
    for (const child of Object.values(node)) walk(child, source);
  };
  walk(document, document);
}

/** Resolves a local `$ref` ("#/components/...") against the document; other values pass through. */
export function deref(spec, value) {
  let current = value;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    current = pointer(spec, current.$ref);
  }
  return current;
}

export function pointer(spec, ref) {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => {
      if (node == null || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
      return node[key];
    }, spec);
}

/** Every operation of the document: `paths` and `webhooks`. */
export function listOperations(spec) {
  const operations = [];
  for (const [section, entries] of [['paths', spec.paths], ['webhooks', spec.webhooks]]) {
    for (const [path, item] of Object.entries(entries ?? {})) {
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(spec, p));
        operations.push({ section, path, method, operationId: operation.operationId, operation, parameters });
      }
    }
  }
  return operations;
}

/**
 * "Sealed" schemas reject properties the spec does not define. The spec leaves objects open so
 * that servers may add fields; sealing is for checking our own examples (stray or misspelt fields)
 * and for reporting undocumented fields. Components used as an allOf part stay open: their parent
 * is sealed instead, since unevaluatedProperties sees through allOf but a sealed part would not.
 */
function seal(spec) {
  const copy = structuredClone(spec);
  const allOfParts = new Set();
  const visitAllOf = (node) => {
    if (!node || typeof node !== 'object') return;
    for (const part of node.allOf ?? []) if (part.$ref) allOfParts.add(part.$ref);
    Object.values(node).forEach(visitAllOf);
  };
  visitAllOf(copy.components?.schemas);
  const visit = (node, insideAllOf) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, false));
    const open =
      !('additionalProperties' in node) && !('unevaluatedProperties' in node) && !('patternProperties' in node);
    if (open && !insideAllOf && (node.properties || node.allOf)) node.unevaluatedProperties = false;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'examples' || key === 'example' || key === 'const' || key === 'enum' || key === 'default') continue;
      if (key === 'allOf') child.forEach((part) => visit(part, true));
      else visit(child, false);
    }
  };
  for (const [name, schema] of Object.entries(copy.components?.schemas ?? {})) {
    visit(schema, allOfParts.has(`#/components/schemas/${name}`));
  }
  return copy;
}

/** Every `x-...` key used inside the given schemas. */
function extensionKeys(node, found = new Set()) {
  if (!node || typeof node !== 'object') return found;
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('x-')) found.add(key);
    else if (key !== 'examples' && key !== 'example' && key !== 'const' && key !== 'enum') extensionKeys(child, found);
  }
  return found;
}

/**
 * A validator factory for schemas of the spec. `validate(schema, value)` accepts a schema object
 * taken from the document (inline or `$ref`) and returns Ajv's errors, or an empty array.
 */
export function createValidator(spec = loadSpec(), { sealed = false, formats = true } = {}) {
  const document = sealed ? seal(spec) : spec;
  // `formats: false` validates as a tool that treats `format` as an annotation only (the JSON Schema
  // 2020-12 default), to prove the spec does not rely on formats to tell values apart.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, validateFormats: formats });
  addFormats(ajv);
  // OpenAPI keywords and formats that are annotations for validation purposes.
  ajv.addKeyword('discriminator');
  ajv.addKeyword('example');
  ajv.addKeyword('xml');
  ajv.addKeyword('externalDocs');
  // Specification extensions (x-canonical-values, x-assumption...) are annotations too.
  for (const keyword of extensionKeys(document.components?.schemas)) ajv.addKeyword(keyword);
  ajv.addFormat('binary', true);
  ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
  // Component schemas become the $defs of one registered schema; local "#/components/schemas/X"
  // pointers (in components and in inline schemas alike) are rebased onto it.
  const rebase = (json) => JSON.parse(json.replaceAll('"$ref":"#/components/schemas/', `"$ref":"${SPEC_ID}#/$defs/`));
  ajv.addSchema({ $id: SPEC_ID, $defs: rebase(JSON.stringify(document.components?.schemas ?? {})) });
  const cache = new Map();
  const compile = (schema) => {
    const key = JSON.stringify(schema);
    let fn = cache.get(key);
    if (!fn) {
      const rebased = rebase(key);
      fn = ajv.compile(rebased);
      cache.set(key, fn);
    }
    return fn;
  };
  return {
    /** @returns {import('ajv').ErrorObject[]} */
    validate(schema, value) {
      const fn = compile(schema);
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
  };
}

/**
 * A pattern failure in words, since the regular expression alone helps nobody: the canonical
 * values of a case-insensitive filter, else the schema's first example, else the pattern itself.
 */
export function describePattern(error) {
  const schema = error.parentSchema ?? {};
  if (Array.isArray(schema['x-canonical-values'])) return `must be one of ${schema['x-canonical-values'].join(', ')} (case is ignored)`;
  if (schema.examples?.length) return `must look like ${schema.examples[0]}`;
  return `must match pattern ${error.params.pattern}`;
}

/** One line per Ajv error: "<instance path>: <message>" with the allowed values where useful. */
export function formatErrors(errors) {
  return errors.map((e) => {
    const where = e.instancePath || '(root)';
    if (e.keyword === 'enum') return `${where}: must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    if (e.keyword === 'unevaluatedProperties') return `${where}: has undocumented field "${e.params.unevaluatedProperty}"`;
    if (e.keyword === 'additionalProperties') return `${where}: has unknown field "${e.params.additionalProperty}"`;
    if (e.keyword === 'required') return `${where}: is missing required field "${e.params.missingProperty}"`;
    if (e.keyword === 'pattern') return `${where}: ${describePattern(e)}`;
    return `${where}: ${e.message}`;
  });
}
