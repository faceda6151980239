// createValidator checks the document's schemas against the JSON Schema 2020-12 meta-schema unless
// told not to (a server validating against our own spec, which the spec's tests check this way).
import { describe, expect, it } from 'vitest';
import { createValidator, type OpenApiDocument } from '../src/index.js';

const spec = (schema: Record<string, unknown>) =>
  ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Name: schema } } }) as unknown as OpenApiDocument;

describe('createValidator', () => {
  it('refuses a document whose schemas break the meta-schema, by default', () => {
    expect(() => createValidator(spec({ type: 'string', minLength: -1 }))).toThrow(/minLength/);
  });

  it('with metaSchema: false, skips that check and still validates values', () => {
    const validator = createValidator(spec({ type: 'string', minLength: 2 }), { metaSchema: false });
    expect(validator.validate({ $ref: '#/components/schemas/Name' }, 'ab')).toEqual([]);
    expect(validator.validate({ $ref: '#/components/schemas/Name' }, 'a').map((e) => e.keyword)).toEqual(['minLength']);
    expect(() => createValidator(spec({ type: 'string', minLength: -1 }), { metaSchema: false })).not.toThrow();
  });
});
