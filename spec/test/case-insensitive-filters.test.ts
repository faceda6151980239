// Filters the vendor calls case-insensitive are patterns (JSON Schema has no case-insensitive enum)
// with their canonical spellings in x-canonical-values. Each pattern must accept exactly the
// canonical values in any capitalisation (and, for the event type, with any white space), nothing else.
import { describe, expect, it } from 'vitest';
import { createValidator, formatErrors } from '@permission-assist/spec-kit';
import { loadApi } from './sources.js';

const spec = loadApi();
const validator = createValidator(spec, { formats: false });
const filters = Object.entries<any>(spec.components?.schemas ?? {}).filter(([, schema]) => schema['x-canonical-values']);
const accepts = (name: string, value: string) => validator.validate({ $ref: `#/components/schemas/${name}` }, value).length === 0;

function mixedCase(word: string) {
  return [...word].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join('');
}

describe('case-insensitive filters', () => {
  it('are the three the vendor documents', () => {
    expect(filters.map(([name]) => name).sort()).toEqual(['AccessRequestActionFilter', 'PersonnelEventTypeFilter', 'WorkItemStatusFilter']);
  });

  it.each(filters)('%s accepts every canonical value in any case', (name, schema) => {
    for (const value of schema['x-canonical-values'] as string[]) {
      for (const variant of [value, value.toLowerCase(), value.toUpperCase(), mixedCase(value)]) expect(accepts(name, variant), variant).toBe(true);
    }
  });

  it.each(filters)('%s refuses near misses', (name, schema) => {
    for (const value of schema['x-canonical-values'] as string[]) {
      for (const miss of [`${value}s`, value.slice(0, -1), `${value}1`, `x${value}`]) expect(accepts(name, miss), miss).toBe(false);
    }
    expect(accepts(name, '')).toBe(false);
  });

  it('the event type also ignores white space (Role Transition, roletransition)', () => {
    for (const value of ['Role Transition', 'role transition', ' ROLETRANSITION ', 'Role\tTransition', 'Off board']) {
      expect(accepts('PersonnelEventTypeFilter', value), value).toBe(true);
    }
    expect(accepts('WorkItemStatusFilter', ' Open')).toBe(false);
  });

  it('an invalid value is reported with the canonical spellings, not the regular expression', () => {
    expect(formatErrors(validator.validate({ $ref: '#/components/schemas/WorkItemStatusFilter' }, 'Approved'))).toEqual([
      '(root): must be one of Pending, Open, Resolved, Completed, Canceled, Scheduled, Snoozed (case is ignored)',
    ]);
  });
});
