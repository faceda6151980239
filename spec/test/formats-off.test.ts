// The spec must not depend on `format` to tell values apart: JSON Schema 2020-12 treats format as
// an annotation by default, and many validators (Python's jsonschema, for one) do not check it.
// Every date and timestamp schema is checked here with formats switched off and on.
import { describe, expect, it } from 'vitest';
import { componentExample, createValidator } from '@permission-assist/spec-kit';
import { loadApi } from './sources.js';

const spec = loadApi();
const validators = { 'formats on': createValidator(spec), 'formats off': createValidator(spec, { formats: false }) };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const cases: Array<[schema: string, value: unknown, valid: boolean]> = [
  // EventDate: the vendor's reference pages send midnight UTC, its onboarding guide a bare date.
  ['EventDate', '2026-03-15', true],
  ['EventDate', '2026-04-15T00:00:00Z', true],
  ['EventDate', '2026-04-15T00:00:00.000+02:00', true],
  ['EventDate', '2026-04-15T00:00:00', false],
  ['EventDate', '15/04/2026', false],
  ['EventDate', '', false],
  ['EventDate', 20260415, false],
  // Timestamp: UTC with Z as sent everywhere, and the zone-less guide sample.
  ['Timestamp', '2025-12-01T08:45:00Z', true],
  ['Timestamp', '2026-02-20T08:15:00', true],
  ['Timestamp', '2025-12-01T08:45:00.1234567Z', true],
  ['Timestamp', '2025-12-01T08:45:00+01:00', true],
  ['Timestamp', '2025-12-01', false],
  ['Timestamp', '2025-13-01T08:45:00Z', false],
  ['Timestamp', 'yesterday', false],
  ['NullableTimestamp', null, true],
  ['NullableTimestamp', '2025-12-01T08:45:00Z', true],
  ['NullableTimestamp', '', false],
];

describe.each(Object.entries(validators))('date and time schemas with %s', (_mode, validator) => {
  it.each(cases)('%s %j is %s', (schema, value, valid) => {
    expect(validator.validate(ref(schema), value).length === 0).toBe(valid);
  });

  it('accept the vendor samples: a bare effectiveDate and a zone-less lastUpdated', () => {
    const onboard = { identity: { firstName: 'Daniel', lastName: 'Okafor' }, effectiveDate: '2026-03-15' };
    expect(validator.validate(ref('CreateOnboardEventRequest'), onboard)).toEqual([]);
    const application = { ...(componentExample(spec, 'ApplicationJackHenrySymitar') as Record<string, unknown>), lastUpdated: '2026-02-20T08:15:00' };
    expect(validator.validate(ref('Application'), application)).toEqual([]);
  });
});
