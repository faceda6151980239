// Loads the OpenAPI documents this package carries (openapi/, copied from spec/ at build) or any
// other path, as one self-contained document each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import type { OpenApiDocument } from './openapi-types.js';

// The YAML parser is loaded on the first parse: a server that reads the spec from JSON built ahead
// of time (pa-mock) never loads it, which is about 100 ms of its start-up on a busy machine.
const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;

/** The Permission Assist API description. */
export const specPath = fileURLToPath(new URL('../openapi/openapi.yaml', import.meta.url));
/** The sandbox control plane's own description; it refers to the API description's schemas. */
export const sandboxSpecPath = fileURLToPath(new URL('../openapi/sandbox.yaml', import.meta.url));

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object';

const readYaml = (path: string): unknown => (yaml ??= require('yaml') as typeof Yaml).parse(readFileSync(path, 'utf8'), { maxAliasCount: 1000 });

/**
 * The parsed OpenAPI document (YAML aliases expanded into shared objects). References into another
 * file (`./openapi.yaml#/components/schemas/Error`) are brought in as local components, with
 * everything they refer to, so the result is one self-contained document.
 */
export function loadSpec(path: string = specPath): OpenApiDocument {
  const document = readYaml(path);
  if (!isNode(document) || typeof document.openapi !== 'string') throw new Error(`${path} is not an OpenAPI document (no "openapi" field)`);
  inlineExternalRefs(document, dirname(path));
  return document as unknown as OpenApiDocument;
}

/** Where each brought-in component came from, so the same name from two files is caught. */
const origins = new WeakMap<object, unknown>();

function inlineExternalRefs(document: Node, baseDir: string): void {
  const files = new Map<string, unknown>();
  const external = (file: string): unknown => {
    const full = resolve(baseDir, file);
    if (!files.has(full)) files.set(full, readYaml(full));
    return files.get(full);
  };
  const section = (root: unknown, name: string, create: boolean): Node | undefined => {
    if (!isNode(root)) return undefined;
    if (create && !isNode(root.components)) root.components = {};
    const components = root.components;
    if (!isNode(components)) return undefined;
    if (create && !isNode(components[name])) components[name] = {};
    const found = components[name];
    return isNode(found) ? found : undefined;
  };
  /** Copies component `kind/name` of `source` into the document (once) and walks the copy. */
  const bring = (source: unknown, kind: string, name: string, ref: string): void => {
    const target = section(source, kind, false)?.[name];
    if (target === undefined) throw new Error(`Unresolvable $ref ${ref}`);
    const local = section(document, kind, true)!;
    const existing = local[name];
    if (existing !== undefined) {
      if (!isNode(existing) || origins.get(existing) !== source) throw new Error(`$ref ${ref}: a component named ${kind}/${name} already exists here`);
      return;
    }
    const copy = structuredClone(target);
    if (isNode(copy)) origins.set(copy, source);
    local[name] = copy;
    walk(copy, source);
  };
  const walk = (node: unknown, source: unknown): void => {
    if (!isNode(node)) return;
    if (typeof node.$ref === 'string') {
      const match = /^([^#]*)#\/components\/([^/]+)\/([^/]+)(\/.*)?$/.exec(node.$ref);
      if (match && (match[1] || source !== document)) {
        const [, file = '', kind = '', name = '', rest = ''] = match;
        bring(file ? external(file) : source, kind, name, node.$ref);
        node.$ref = `#/components/${kind}/${name}${rest}`;
      }
    }
    for (const child of Object.values(node)) walk(child, source);
  };
  walk(document, document);
}
