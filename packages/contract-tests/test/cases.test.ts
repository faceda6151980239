// The cases and the spec agree: every assumption a case names is one the spec marks on that
// operation (or its parameters), and every assumption the spec marks is exercised by some case.
import { describe, expect, it } from 'vitest';
import { createContract, deref } from '@permission-assist/spec-kit';
import { cases } from '../src/index.js';

const { spec, operations } = createContract();

function assumptionsOf(operationId: string): string[] {
  const { method, path } = operations.find((o) => o.operationId === operationId)!;
  const operation = spec.paths[path][method];
  return [
    ...Object.keys(operation['x-assumptions'] ?? {}),
    ...(operation.parameters ?? []).flatMap((p: unknown) => Object.keys(deref(spec, p)['x-assumptions'] ?? {})),
  ];
}

describe('cases and the spec', () => {
  it('every case is about an operation of the spec', () => {
    const ids = new Set(operations.map((o) => o.operationId));
    expect(cases.map((c) => c.operationId).filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('every assumption a case names is marked in the spec on its operation', () => {
    const unknown = cases.filter((c) => c.assumption && !assumptionsOf(c.operationId).includes(c.assumption)).map((c) => `${c.name}: ${c.assumption}`);
    expect(unknown).toEqual([]);
  });

  it('every assumption the spec marks is exercised by a case', () => {
    const named = new Set(cases.flatMap((c) => (c.assumption ? [`${c.operationId}#${c.assumption}`] : [])));
    // Semantic cases name theirs through ctx.assume(); their keys are listed with the case's operation.
    const semantic = ['listIdentities#ascending-order', 'listApplicationImports#queued-first'];
    const marked = operations.flatMap((o) => assumptionsOf(o.operationId).map((key) => `${o.operationId}#${key}`));
    // A parameter's assumption (page, the filters, malformed ids) counts as exercised once, on any operation that shares it.
    const covered = (entry: string) => {
      const key = entry.split('#')[1]!;
      return named.has(entry) || semantic.includes(entry) || [...named].some((n) => n.endsWith(`#${key}`) && ['page-below-one', 'page-past-end', 'unknown-filter-value', 'malformed-id'].includes(key));
    };
    expect(marked.filter((entry) => !covered(entry))).toEqual([]);
  });
});
