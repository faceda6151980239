// Loading documents, resolving $refs and JSON pointers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deref, listOperations, loadSpec, pointer, pointerTokens, sandboxSpecPath, unescapeToken, valueAtPointer } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-spec-kit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSON pointers', () => {
  it('unescapes ~1 before ~0, so an escaped "~1" stays "~1"', () => {
    expect(unescapeToken('a~1b')).toBe('a/b');
    expect(unescapeToken('~01')).toBe('~1');
    expect(pointerTokens('/paths/~1api~1identities/get')).toEqual(['paths', '/api/identities', 'get']);
    expect(pointerTokens('')).toEqual([]);
  });

  it('rejects a pointer that does not start with "/"', () => {
    expect(() => pointerTokens('paths')).toThrow('A JSON pointer starts with "/", got "paths"');
  });

  it('reads a value, or undefined where the path does not exist', () => {
    expect(valueAtPointer({ a: [{ 'b/c': 1 }] }, '/a/0/b~1c')).toBe(1);
    expect(valueAtPointer({ a: null }, '/a/b')).toBeUndefined();
  });
});

describe('loadSpec and $refs', () => {
  it('brings the components another file refers to into the document, so it stands alone', () => {
    const sandbox = loadSpec(sandboxSpecPath);
    expect(JSON.stringify(sandbox)).not.toMatch(/"\$ref":"\.\/openapi\.yaml/);
    for (const { operation } of listOperations(sandbox)) {
      for (const response of Object.values(operation.responses ?? {})) expect(() => deref(sandbox, response)).not.toThrow();
    }
    expect(sandbox.components?.schemas?.Error).toBeDefined();
  });

  it('names a $ref that resolves to nothing', () => {
    const spec = loadSpec();
    expect(() => pointer(spec, '#/components/schemas/NoSuchThing')).toThrow('Unresolvable $ref #/components/schemas/NoSuchThing');
    expect(() => pointer(spec, 'other.yaml#/x')).toThrow('Only local $refs are supported, got other.yaml#/x');
  });

  it('refuses a file that is not an OpenAPI document, naming it', () => {
    const path = join(dir, 'not-openapi.yaml');
    writeFileSync(path, 'hello: world\n');
    expect(() => loadSpec(path)).toThrow(`${path} is not an OpenAPI document (no "openapi" field)`);
  });

  it('refuses a component brought in under a name the document already uses for another', () => {
    writeFileSync(join(dir, 'other.yaml'), 'openapi: 3.1.0\ninfo: { title: o, version: "1" }\ncomponents: { schemas: { Thing: { type: string } } }\n');
    const path = join(dir, 'main.yaml');
    writeFileSync(path, 'openapi: 3.1.0\ninfo: { title: m, version: "1" }\ncomponents: { schemas: { Thing: { type: number }, Use: { $ref: "./other.yaml#/components/schemas/Thing" } } }\n');
    expect(() => loadSpec(path)).toThrow('$ref ./other.yaml#/components/schemas/Thing: a component named schemas/Thing already exists here');
  });
});
