// What a contract run finds, and how it is told apart:
// - failure: the server departs from what the vendor documents (or from the spec where the spec
//   follows the vendor), e.g. a wrong enum value, a filter ignored;
// - assumption: the server departs from a choice the spec made where the vendor is silent (marked
//   x-assumptions / x-assumption), e.g. 404 instead of 400 for page=0: reported, failing only with --strict;
// - warning: allowed but worth knowing, e.g. a field the spec does not define.
import { listOperations, type OpenApiDocument, type Violation } from '@permission-assist/spec-kit';

export type Severity = 'failure' | 'assumption' | 'warning';

export interface Finding {
  severity: Severity;
  operationId: string;
  /** `response.body`, `response.status`, `semantics`... */
  where: string;
  path: string;
  expected: string;
  actual: string;
  /** For an assumption: the spec's key and sentence. */
  assumption?: { key?: string; text: string };
}

export function fromViolation(violation: Violation, severity: Severity): Finding {
  const { operationId, where, path, expected, actual, assumption } = violation;
  return { severity, operationId, where, path, expected, actual, ...(assumption ? { assumption: { text: assumption } } : {}) };
}

/** The sentence of an `x-assumptions` key, from the operation or one of its parameters. */
export function assumptionText(spec: OpenApiDocument, operationId: string, key: string): string | undefined {
  const found = listOperations(spec).find((op) => op.operationId === operationId);
  if (!found) return undefined;
  for (const holder of [found.operation, ...found.parameters] as WithAssumptions[]) {
    const text = holder['x-assumptions']?.[key];
    if (text) return text;
  }
  return undefined;
}

/** An operation or parameter that may carry the spec's `x-assumptions` (key -> sentence). */
interface WithAssumptions {
  'x-assumptions'?: Record<string, string>;
}

export interface FindingGroup {
  finding: Finding;
  /** How many findings share the operation, the path pattern and the expectation. */
  count: number;
  /** The path with array indices as `*` (`/items/*\/name`). */
  pattern: string;
}

/**
 * Findings grouped by operation, path pattern and expectation: one wrong field on every item of a
 * list page is one line with a count and the first example, not fifty lines.
 */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const pattern = finding.path.replace(/\/\d+(?=\/|$)/g, '/*');
    const key = [finding.severity, finding.operationId, finding.where, pattern, finding.expected].join('|');
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { finding, count: 1, pattern });
  }
  return [...groups.values()];
}

export function describeFinding(group: FindingGroup): string {
  const { finding, count, pattern } = group;
  const where = `${finding.where}${pattern === '/' ? '' : pattern}`;
  const times = count > 1 ? ` (${count} times, e.g. at ${finding.path})` : '';
  return `${where}: expected ${finding.expected}, actual ${finding.actual}${times}`;
}
