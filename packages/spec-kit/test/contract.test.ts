// The contract checker shared by pa-contract and the mock's proxy: a value that fails a oneOf/anyOf
// is reported against the branch it was meant to be, and a departure where the spec marks its own
// assumption is reported as such, not as a violation.
import { describe, expect, it } from 'vitest';
import { componentExample, createContract } from '../src/index.js';

const contract = createContract();
/** A record example of the spec, as a plain object to alter. */
interface Example {
  id: string;
  target?: { name: string | null };
  [field: string]: unknown;
}
const example = (name: string) => componentExample(contract.spec, name) as Example;
const check = (method: string, path: string, status: number, body: unknown) =>
  contract.checkResponse(contract.match(method, path)!, { status, contentType: 'application/json', body });

describe('contract checker', () => {
  it('a wrong timestamp in a nullable field is reported as a timestamp, not as "expected null"', () => {
    const identity = { ...example('IdentitySarahChen'), inactivatedDate: 'last week' };
    expect(check('GET', `/api/identities/${identity.id}`, 200, identity).violations.map((v) => v.message)).toEqual([
      'response.body/inactivatedDate: expected to look like 2025-12-01T08:45:00Z, got "last week"',
    ]);
  });

  it('a broken User target is reported against the User branch its discriminator names', () => {
    const request = structuredClone(example('AccessRequestRemoveUser'));
    request.target!.name = null;
    expect(check('GET', `/api/access-requests/${request.id}`, 200, request).violations.map((v) => v.message)).toEqual([
      'response.body/target/name: expected type string, got null',
    ]);
  });

  it('a reference that is neither an object nor null is reported once', () => {
    const event = { ...example('PersonnelEventOffboard'), assignee: 'Williams, James' };
    expect(check('GET', `/api/personnel-events/${event.id}`, 200, event).violations).toHaveLength(1);
  });

  it('a missing field the spec marks with x-assumption is an assumption, not a violation', () => {
    const { neededOn: _neededOn, ...event } = example('PersonnelEventOffboard');
    const result = check('GET', `/api/personnel-events/${event.id}`, 200, event);
    expect(result.violations).toEqual([]);
    expect(result.assumptions.map((a) => [a.path, a.assumption])).toEqual([['/neededOn', 'Present on listed and fetched events too (only the create pages show it).']]);
  });

  it('default covers other error statuses, but not an undocumented success', () => {
    const conflict = { error: 'conflict', message: 'No', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' };
    expect(check('GET', '/api/identities', 409, conflict).violations).toEqual([]);
    expect(check('GET', '/api/identities', 202, {}).violations.map((v) => v.message)).toEqual([
      'response.status: expected one of 200, 400, 401, 403, 500 or another error status, got 202',
    ]);
  });

  it('a malformed percent-encoding in a path is matched, not thrown', () => {
    expect(contract.match('GET', '/api/identities/%ff')?.pathParams).toEqual({ id: '%ff' });
  });
});
