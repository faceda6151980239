// Ajv errors turned into violations a person can act on: where, expected, actual.
import type { ErrorObject } from 'ajv';
import { valueAtPointer } from './json-pointer.js';
import { describePattern, type SpecValidator } from './validator.js';

export interface Violation {
  operationId: string;
  /** e.g. `response.body`, `response.status`, `request.query.page`. */
  where: string;
  /** JSON pointer inside `where`. */
  path: string;
  message: string;
  expected: string;
  actual: string;
  /** Set when the spec marks this choice as its own assumption (x-assumption): a warning, not a violation. */
  assumption?: string;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The parts of Ajv's loosely typed `parentSchema` these rules read. */
interface UnionSchema {
  discriminator?: { propertyName?: string };
  properties?: Record<string, { 'x-assumption'?: string } | undefined>;
}
const parentOf = (e: ErrorObject): UnionSchema => (e.parentSchema ?? {}) as UnionSchema;
const param = (e: ErrorObject, name: string): unknown => (e.params as Record<string, unknown>)[name];

/**
 * When a value fails every branch of a oneOf/anyOf, Ajv reports every branch. Only the branch the
 * value was evidently meant to be is worth reporting: not one whose type it does not even have
 * (a wrong timestamp is not "expected null"), not one whose discriminator it contradicts (a User
 * target whose name is null is not "expected Group"), else the one with the fewest errors. Each
 * branch is validated on its own (Ajv reports errors inside a referenced schema with that
 * schema's own path, so they cannot be told apart by path).
 */
function bestBranches(errors: ErrorObject[], root: unknown, validate: SpecValidator['validate']): ErrorObject[] {
  const union = errors.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (!union) return errors.filter((e) => e.keyword !== 'if');
  const at = union.instancePath;
  const value = valueAtPointer(root, at);
  const branches: unknown[] = Array.isArray(union.schema) ? union.schema : [];
  const candidates = branches.map((branch) => validate(branch, value).map((e) => ({ ...e, instancePath: `${at}${e.instancePath}` })));
  const rest = errors.filter((e) => e !== union && e.instancePath !== at && !e.instancePath.startsWith(`${at}/`));
  // A oneOf that failed because several branches matched: there is nothing better to report.
  if (candidates.length === 0 || candidates.some((list) => list.length === 0)) return bestBranches(errors.filter((e) => e !== union), root, validate);
  const discriminator = parentOf(union).discriminator?.propertyName;
  const score = (list: ErrorObject[]) =>
    list.reduce((sum, e) => {
      if (e.instancePath === at && e.keyword === 'type') return sum + 100;
      if (discriminator && e.instancePath === `${at}/${discriminator}`) return sum + 50;
      return sum + 1;
    }, 0);
  const best = [...candidates].sort((a, b) => score(a) - score(b))[0] ?? [];
  return bestBranches([...rest, ...best], root, validate);
}

/** The `x-assumption` of the property a `required` error is about, if the spec marks one. */
function assumptionOf(e: ErrorObject): string | undefined {
  if (e.keyword !== 'required') return undefined;
  return parentOf(e).properties?.[String(param(e, 'missingProperty'))]?.['x-assumption'];
}

/** Turns Ajv errors into violations with the expected and the actual value. */
export function toViolations(errors: ErrorObject[], value: unknown, operationId: string, where: string, validate: SpecValidator['validate']): Violation[] {
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const e of bestBranches(errors, value, validate)) {
    let path = e.instancePath || '';
    let expected = e.message ?? e.keyword;
    let actual = show(valueAtPointer(value, e.instancePath));
    if (e.keyword === 'enum') expected = `one of ${(param(e, 'allowedValues') as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'const') expected = JSON.stringify(param(e, 'allowedValue'));
    else if (e.keyword === 'type') expected = `type ${String(param(e, 'type'))}`;
    else if (e.keyword === 'maxLength') expected = `at most ${String(param(e, 'limit'))} characters`;
    else if (e.keyword === 'minLength') expected = `at least ${String(param(e, 'limit'))} characters`;
    else if (e.keyword === 'minimum' || e.keyword === 'maximum') expected = `a number ${String(param(e, 'comparison'))} ${String(param(e, 'limit'))}`;
    else if (e.keyword === 'pattern') expected = describePattern(e).replace(/^must /, 'to ');
    else if (e.keyword === 'format') expected = `format ${String(param(e, 'format'))}`;
    else if (e.keyword === 'required') {
      path = `${path}/${String(param(e, 'missingProperty'))}`;
      expected = 'a required field';
      actual = 'missing';
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const name = String(param(e, 'additionalProperty') ?? param(e, 'unevaluatedProperty'));
      path = `${path}/${name}`;
      expected = 'no such field (not in the spec)';
      actual = show(valueAtPointer(value, path));
    }
    const key = `${path}|${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const assumption = assumptionOf(e);
    violations.push({ operationId, where, path: path || '/', message: `${where}${path || ''}: expected ${expected}, got ${actual}`, expected, actual, ...(assumption ? { assumption } : {}) });
  }
  return violations;
}
