// The spec's examples must carry every sample value the vendor's documentation quotes
// (../shared/pa-api), so readers recognise the vendor's own samples in ours.
import { describe, expect, it } from 'vitest';
import { componentExample } from '@permission-assist/spec-kit';
import { loadApi } from './sources.js';
import { collectExamples } from './collect-examples.js';

const spec = loadApi();
const exampleValues = collectExamples(spec).map((c) => c.value);

/** True when some example contains an object with all of these field values. */
function someExampleHas(fields: Record<string, unknown>): boolean {
  const matches = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    if (!Array.isArray(node) && Object.entries(fields).every(([k, v]) => (node as Record<string, unknown>)[k] === v)) return true;
    return Object.values(node).some(matches);
  };
  return exampleValues.some(matches);
}

const vendorSamples: Array<[string, Record<string, unknown>]> = [
  ['401 body', { error: 'unauthorized', message: 'Invalid or expired authentication token' }],
  ['400 body', { error: 'validation_error', message: 'One or more validation errors occurred', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }],
  ['400 field error (first name)', { field: 'identity.firstName', message: 'First name is required' }],
  ['400 field error (effective date)', { field: 'effectiveDate', message: 'Effective date is required' }],
  ['stage 400 body', { correlationId: 'a1b2c3d4e5f6789012345678abcdef01' }],
  ['stage 400 field error', { field: 'applicationId', message: 'Application is archived' }],
  ['offboard 201', { id: 'f6a7b8c9-d0e1-2345-6789-abcdef012345', number: 314, type: 'Offboard', status: 'Scheduled' }],
  ['offboard request', { identityId: 'd4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b', effectiveDate: '2026-04-15T00:00:00Z' }],
  ['event reporter', { name: 'API Token - HR Integration' }],
  ['onboard guide request (bare date)', { effectiveDate: '2026-03-15' }],
  ['stage request', { applicationId: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e' }],
  ['stage 201 (reference)', { type: 'API', status: 'Pending', createdBy: 'API Token - Automation Service', buildStart: null, log: null, metrics: null }],
  ['stage 201 (trigger-import guide)', { type: 'Api' }],
  ['stage 201 (getting started)', { type: 'Scheduled', createdBy: 'HRIS Integration' }],
  ['zone-less lastUpdated', { lastUpdated: '2026-02-20T08:15:00' }],
  ['list imports first item', { number: 47, type: 'Scheduled', status: 'Finished', buildStart: '2025-12-01T02:00:00Z', buildEnd: '2025-12-01T02:14:32Z' }],
  ['cancel 200', { id: 'f1e2d3c4-b5a6-9788-7654-321fedcba098', number: 47, type: 'Scheduled', status: 'Canceling' }],
  ['upload file group 1', { fileGroupId: 'a1b2c3d4-0000-0000-0000-000000000001', name: 'employees.csv' }],
  ['upload file group 2', { fileGroupId: 'a1b2c3d4-0000-0000-0000-000000000002', name: 'privileges.csv' }],
  ['access request', { id: 'a2b3c4d5-e6f7-8901-2345-6789abcdef01', number: 1042, action: 'Remove', status: 'Open', scheduledStart: null, startedOn: '2025-12-02T10:00:00Z', approvedOn: '2025-12-02T09:45:00Z' }],
  ['access request reporter', { id: 'c4d5e6f7-a8b9-0123-4567-89abcdef0123', name: 'Permission Assist' }],
  ['access request assignee', { id: 'e6f7a8b9-c0d1-2345-6789-abcdef012345', name: 'Williams, James' }],
  ['access request target', { type: 'User', name: 'rjohnson' }],
  ['identity Rachel Johnson', { id: 'd4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b', firstName: 'Rachel', lastName: 'Johnson', emailAddress: 'rjohnson@firstbankofvalkyrie.com', title: 'Teller', office: 'Uptown Branch', supervisorName: 'Davis, Michelle', createdDate: '2022-06-10T12:00:00Z', updatedDate: '2025-10-15T16:30:00Z', firstSeenDate: '2022-06-11T02:00:00Z', inactivatedDate: null, status: 'Active' }],
  ['identity Sarah Chen', { firstName: 'Sarah', lastName: 'Chen', supervisorName: 'Martinez, Robert' }],
  ['application Jack Henry Symitar', { id: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e', name: 'Jack Henry Symitar', priority: 'Critical', isArchived: false, lastUpdated: '2025-12-01T08:45:00Z' }],
  ['access request page', { totalCount: 86, page: 1, pageSize: 50, totalPages: 2 }],
  ['webhook event display name', { display: 'Access Request Created' }],
];

describe('vendor sample values appear in the spec examples', () => {
  it.each(vendorSamples)('%s', (_name, fields) => {
    expect(someExampleHas(fields), JSON.stringify(fields)).toBe(true);
  });

  it('leave-of-absence 201: the id starts with the vendor sample prefix (the sample is cut after it)', () => {
    const leaveOfAbsenceId = (componentExample(spec, 'PersonnelEventLeaveOfAbsence') as { id: string }).id;
    expect(someExampleHas({ type: 'Absence', id: leaveOfAbsenceId })).toBe(true);
    expect(leaveOfAbsenceId).toMatch(/^a7b8c9d0-e1f2/);
  });
});
