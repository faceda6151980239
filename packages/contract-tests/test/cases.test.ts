// The cases and the spec agree: every assumption a case names is one the spec marks on that
// operation (or its parameters), and every assumption the spec marks is exercised by some case.
import { describe, expect, it } from 'vitest';
import { createContract, listOperations } from '@permission-assist/spec-kit';
import { cases } from '../src/index.js';

const { spec, operations } = createContract();
/** The names of the choices a spec node marks with x-assumptions (an extension, so not in the OpenAPI types). */
const assumptionNames = (node: object) => Object.keys((node as { 'x-assumptions'?: object })['x-assumptions'] ?? {});

/** Every assumption marked on an operation or its parameters (path-level ones included, as the report reads them). */
function assumptionsOf(operationId: string): string[] {
  const { operation, parameters } = listOperations(spec).find((o) => o.operationId === operationId)!;
  return [operation, ...parameters].flatMap(assumptionNames);
}

describe('cases and the spec', () => {
  it('every case is about an operation of the spec', () => {
    const ids = new Set(operations.map((o) => o.operationId));
    expect(cases.map((c) => c.operationId).filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('every assumption a case names is marked in the spec on its operation', () => {
    const unknown = cases.flatMap((c) => [...(c.assumption ? [c.assumption] : []), ...(c.assumes ?? [])].filter((key) => !assumptionsOf(c.operationId).includes(key)).map((key) => `${c.name}: ${key}`));
    expect(unknown).toEqual([]);
  });

  it('what the vendor documents for a case is said only where the status is an assumption', () => {
    expect(cases.filter((c) => c.documents && !c.assumption).map((c) => c.name)).toEqual([]);
    // A refusal the vendor documents expects a 4xx; a documented success a 2xx.
    expect(cases.filter((c) => (c.documents === 'refusal' && !(c.expectStatus! >= 400)) || (c.documents === 'success' && !(c.expectStatus! < 300))).map((c) => c.name)).toEqual([]);
  });

  it('a case that acts on an existing identity says so (it runs on a real server only with --write-identity)', () => {
    const source = cases.filter((c) => /subject\(\)/.test(c.run.toString())).map((c) => c.name);
    expect(source.length).toBeGreaterThan(0);
    expect(source.filter((name) => !cases.find((c) => c.name === name)!.needsIdentity)).toEqual([]);
  });

  it('every assumption the spec marks is exercised by a case', () => {
    const named = new Set(cases.flatMap((c) => [...(c.assumption ? [c.assumption] : []), ...(c.assumes ?? [])].map((key) => `${c.operationId}#${key}`)));
    const marked = operations.flatMap((o) => assumptionsOf(o.operationId).map((key) => `${o.operationId}#${key}`));
    // A parameter's assumption (page, the filters, malformed ids) counts as exercised once, on any operation that shares it.
    const covered = (entry: string) => {
      const key = entry.split('#')[1]!;
      return named.has(entry) || [...named].some((n) => n.endsWith(`#${key}`) && ['page-below-one', 'page-past-end', 'unknown-filter-value', 'malformed-id'].includes(key));
    };
    expect(marked.filter((entry) => !covered(entry))).toEqual([]);
  });
});
