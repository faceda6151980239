// Every example in the spec must validate against its schema. The schemas are "sealed" here
// (undocumented fields rejected), because a stray or misspelt field in an example misleads readers
// of the docs and users of the mock, and the linters do not look inside named examples.
import { describe, expect, it } from 'vitest';
import { componentExample, createValidator, deref, formatErrors, listOperations } from '@permission-assist/spec-kit';
import { loadApi, loadSandbox } from './sources.js';
import { collectExamples } from './collect-examples.js';

const spec = loadApi();
const validator = createValidator(spec, { sealed: true });
const cases = collectExamples(spec);
const sandbox = loadSandbox();
const sandboxValidator = createValidator(sandbox, { sealed: true });

describe('spec examples', () => {
  it.each(cases.map((c) => [c.where, c] as const))('%s is valid', (_where, example) => {
    expect(formatErrors(validator.validate(example.schema, example.value))).toEqual([]);
  });

  it('cover every operation: each request body and each response with a body has an example', () => {
    for (const { section, path, method, operation } of listOperations(spec)) {
      const at = `${section} ${method.toUpperCase()} ${path}`;
      if (operation.requestBody) expect(cases.some((c) => c.where.startsWith(`${at} request`)), at).toBe(true);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!deref(spec, response).content) continue;
        expect(cases.some((c) => c.where.startsWith(`${at} ${status} `)), `${at} ${status}`).toBe(true);
      }
    }
  });

  it.each(collectExamples(sandbox).map((c) => [c.where, c] as const))('sandbox control plane: %s is valid', (_where, example) => {
    expect(formatErrors(sandboxValidator.validate(example.schema, example.value))).toEqual([]);
  });

  it('are rejected when wrong (the validator is not vacuous)', () => {
    const identity = { $ref: '#/components/schemas/Identity' };
    const sarah = componentExample(spec, 'IdentitySarahChen') as Record<string, unknown>;
    expect(formatErrors(validator.validate(identity, { ...sarah, middleName: 'Ann' }))).toEqual([
      '(root): has undocumented field "middleName"',
    ]);
    expect(formatErrors(validator.validate(identity, { ...sarah, type: 'ServiceAccount' }))[0]).toMatch(/^\/type: must be one of/);
    expect(formatErrors(validator.validate(identity, { ...sarah, createdDate: '2021-03-01' }))).toEqual([
      '/createdDate: must look like 2025-12-01T08:45:00Z',
    ]);
  });
});
