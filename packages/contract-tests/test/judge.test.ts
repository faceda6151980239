// judgeCase() on its own: what counts as a failure, an unconfirmed assumption or a warning, from a
// case's exchanges alone (no server).
import { describe, expect, it } from 'vitest';
import { createContract } from '@permission-assist/spec-kit';
import { judgeCase, statusSeverity, type ContractCase } from '../src/index.js';
import type { Exchange } from '../src/recorder.js';

const contract = createContract();
const options = { contract, strict: false, requestTimeoutMs: 1000 };
const page = { items: [], totalCount: 0, page: 1, pageSize: 50, totalPages: 0 };
const json = (method: string, path: string, status: number, body: unknown): Exchange => ({ method, url: `http://127.0.0.1${path}`, status, contentType: 'application/json', headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body) });
const error = (status: number, code: string) => ({ error: code, message: 'refused', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' });
const listCase = (extra: Partial<ContractCase>): ContractCase => ({ name: 'a list case', operationId: 'listIdentities', write: false, run: async () => undefined, ...extra });

describe('statusSeverity', () => {
  it.each([
    // [what the case rests on, expected, actual, severity]
    ['the vendor documents the status', { expectStatus: 404 }, 400, 'failure'],
    ['a whole choice of the spec (page=0): another 4xx', { expectStatus: 400, assumption: 'page-below-one' }, 404, 'assumption'],
    ['a whole choice of the spec (page=0): answered with a page', { expectStatus: 400, assumption: 'page-below-one' }, 200, 'assumption'],
    ['a whole choice, but a server error', { expectStatus: 400, assumption: 'page-below-one' }, 500, 'failure'],
    ['a documented refusal, another 4xx', { expectStatus: 400, assumption: 'empty-file', documents: 'refusal' as const }, 422, 'assumption'],
    ['a documented refusal, carried out', { expectStatus: 400, assumption: 'empty-file', documents: 'refusal' as const }, 201, 'failure'],
    ['a documented success, another 2xx', { expectStatus: 201, assumption: 'created-status', documents: 'success' as const }, 200, 'assumption'],
    ['a documented success, refused', { expectStatus: 201, assumption: 'created-status', documents: 'success' as const }, 400, 'failure'],
    ['the expected status', { expectStatus: 201 }, 201, undefined],
  ])('%s', (_what, testCase, actual, severity) => {
    expect(statusSeverity(testCase, actual)).toBe(severity);
  });
});

describe('judgeCase', () => {
  it('page=0 answered with page 1 is an unconfirmed assumption, and fails only with --strict', () => {
    const testCase = listCase({ expectStatus: 400, expectFields: ['page'], assumption: 'page-below-one' });
    const evidence = { exchanges: [json('GET', '/api/identities?page=0', 200, { ...page, page: 1 })], checks: [] };
    const judged = judgeCase(testCase, evidence, options);
    expect(judged.outcome).toBe('assumption');
    expect(judged.findings).toMatchObject([{ severity: 'assumption', where: 'response.status', expected: '400', actual: '200', assumption: { key: 'page-below-one' } }]);
    expect(judgeCase(testCase, evidence, { ...options, strict: true }).outcome).toBe('failed');
  });

  it('a refusal that does not name the field: a failure where the vendor documents the rule, an assumption where the spec chose', () => {
    const refused = json('POST', '/api/personnel-events/onboard', 400, { ...error(400, 'validation_error'), errors: [] });
    const documented = judgeCase({ ...listCase({}), operationId: 'createOnboardEvent', expectStatus: 400, expectFields: ['effectiveDate'] }, { exchanges: [refused], checks: [] }, options);
    expect(documented.findings.map((f) => f.severity)).toEqual(['failure']);
    const chosen = judgeCase({ ...listCase({}), operationId: 'createOnboardEvent', expectStatus: 400, expectFields: ['identity.supervisorId'], assumption: 'unknown-supervisor', documents: 'refusal' }, { exchanges: [refused], checks: [] }, options);
    expect(chosen.findings.map((f) => f.severity)).toEqual(['assumption']);
  });

  it('a status that is fair because the request breaks two rules is a warning, not a failure', () => {
    const testCase: ContractCase = { ...listCase({}), operationId: 'createOffboardEvent', expectStatus: 400, expectFields: ['effectiveDate'], alsoFair: { status: 404, because: 'the identity does not exist either' } };
    const judged = judgeCase(testCase, { exchanges: [json('POST', '/api/personnel-events/offboard', 404, error(404, 'not_found'))], checks: [] }, options);
    expect(judged.outcome).toBe('warned');
    expect(judged.findings).toMatchObject([{ severity: 'warning', expected: '400 (or 404: the identity does not exist either)' }]);
  });

  it('a body that departs from the schema is a failure, whatever the case expected', () => {
    const judged = judgeCase(listCase({ expectStatus: 200 }), { exchanges: [json('GET', '/api/identities', 200, { ...page, pageSize: 25 })], checks: [] }, options);
    expect(judged.outcome).toBe('failed');
    expect(judged.statuses).toEqual([{ operationId: 'listIdentities', status: 200 }]);
  });

  it('a bug in the case itself is an internal error, not a verdict on the server', () => {
    const judged = judgeCase(listCase({}), { exchanges: [json('GET', '/api/identities', 200, page)], checks: [], thrown: new TypeError('x is undefined') }, options);
    expect(judged.internalError).toContain('a list case: TypeError: x is undefined');
  });
});
