// Local `$ref` resolution inside one loaded document.
import { pointerTokens } from './json-pointer.js';
import type { OpenApiDocument, ReferenceObject } from './openapi-types.js';

export const isReference = (value: unknown): value is ReferenceObject =>
  value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';

/** The value a local `$ref` ("#/components/...") designates; throws naming the ref when it resolves to nothing. */
export function pointer(spec: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: unknown = spec;
  for (const key of pointerTokens(ref.slice(1))) {
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Follows `$ref`s until a value that is not one; other values pass through. The result is typed as
 * what the place holds once resolved (a response, a parameter...): the spec is trusted for that.
 */
export function deref<T>(spec: OpenApiDocument, value: T | ReferenceObject): T;
export function deref<T>(spec: OpenApiDocument, value: T | ReferenceObject | undefined): T | undefined;
export function deref<T>(spec: OpenApiDocument, value: T | ReferenceObject | undefined): T | undefined {
  let current: unknown = value;
  while (isReference(current)) current = pointer(spec, current.$ref);
  return current as T | undefined;
}

/** The value of the named example under `components/examples`; throws naming it when there is none. */
export function componentExample(spec: OpenApiDocument, name: string): unknown {
  const example = spec.components?.examples?.[name];
  if (example === undefined) throw new Error(`The spec has no example named ${name} under components/examples`);
  const resolved = deref(spec, example);
  if (!('value' in resolved)) throw new Error(`The example ${name} has no inline value`);
  return resolved.value as unknown;
}
