// What the contract suite does to a server: every operation called through the client, the
// documented successes and the documented failures. Cases that would change a real server are
// marked `write` and run against one only when writes are allowed.
import { randomUUID } from 'node:crypto';
import type { createPermissionAssistClient } from '@permission-assist/client';

type Client = ReturnType<typeof createPermissionAssistClient>;

export interface CaseContext {
  /** Client with the target's valid token. */
  pa: Client;
  /** Client with the given token (for the negative authentication cases). */
  withToken(token: string): Client;
  /** Ids found on the target, shared between cases (e.g. an identity to offboard). */
  found: Record<string, string | undefined>;
}

export interface ContractCase {
  name: string;
  operationId: string;
  /** Creates or changes data on the target. */
  write: boolean;
  /** The status this case must produce (undefined: any documented success). */
  expectStatus?: number;
  /** Request fields the 400 answer must name. */
  expectFields?: string[];
  run(ctx: CaseContext): Promise<unknown>;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000c0de';
/** A date 30 days ahead: create operations require "today or later". */
const future = (days = 30) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const itemId = (page: { items: { id: string }[] }) => page.items[0]?.id;

const lists = [
  ['listPersonnelEvents', 'personnelEvents', 'personnelEvent'],
  ['listApplicationImports', 'applicationImports', 'applicationImport'],
  ['listApplications', 'applications', 'application'],
  ['listIdentities', 'identities', 'identity'],
  ['listAccessRequests', 'accessRequests', 'accessRequest'],
] as const;
const gets = [
  ['getPersonnelEvent', 'personnelEvents', 'personnelEvent'],
  ['getApplicationImport', 'applicationImports', 'applicationImport'],
  ['getApplication', 'applications', 'application'],
  ['getIdentity', 'identities', 'identity'],
  ['getAccessRequest', 'accessRequests', 'accessRequest'],
] as const;

export const cases: ContractCase[] = [
  // --- reads -------------------------------------------------------------------------------
  ...lists.map(([operationId, resource, key]): ContractCase => ({
    name: `${operationId}: first page`,
    operationId,
    write: false,
    expectStatus: 200,
    async run({ pa, found }) {
      const page = await (pa[resource] as unknown as { list(q?: object): Promise<{ items: { id: string }[] }> }).list({ page: 1 });
      found[key] ??= itemId(page);
      return page;
    },
  })),
  {
    name: 'listPersonnelEvents: filtered by status and type',
    operationId: 'listPersonnelEvents',
    write: false,
    expectStatus: 200,
    run: ({ pa }) => pa.personnelEvents.list({ status: 'Open', type: 'RoleTransition' }),
  },
  {
    name: 'listAccessRequests: filtered by status and action',
    operationId: 'listAccessRequests',
    write: false,
    expectStatus: 200,
    run: ({ pa }) => pa.accessRequests.list({ status: 'Completed', type: 'Add' }),
  },
  ...gets.map(([operationId, resource, key]): ContractCase => ({
    name: `${operationId}: an id from the list`,
    operationId,
    write: false,
    expectStatus: 200,
    async run({ pa, found }) {
      const id = found[key];
      if (!id) throw new SkipCase(`no ${key} on the target to fetch`);
      return (pa[resource] as unknown as { get(id: string): Promise<unknown> }).get(id);
    },
  })),
  ...gets.map(([operationId, resource]): ContractCase => ({
    name: `${operationId}: an unknown id`,
    operationId,
    write: false,
    expectStatus: 404,
    run: ({ pa }) => (pa[resource] as unknown as { get(id: string): Promise<unknown> }).get(UNKNOWN_ID),
  })),
  // --- authentication --------------------------------------------------------------------
  {
    name: 'listIdentities: no token',
    operationId: 'listIdentities',
    write: false,
    expectStatus: 401,
    run: ({ pa }) => pa.raw.GET('/api/identities', { headers: { Authorization: null } as never }),
  },
  {
    name: 'listIdentities: a bad token',
    operationId: 'listIdentities',
    write: false,
    expectStatus: 401,
    run: ({ withToken }) => withToken('pa_expired_contract_test_0000000000').identities.list(),
  },
  {
    name: 'getIdentity: a token in the wrong form',
    operationId: 'getIdentity',
    write: false,
    expectStatus: 401,
    run: ({ withToken }) => withToken('not-a-permission-assist-token').identities.get(UNKNOWN_ID),
  },
  // --- invalid queries -------------------------------------------------------------------
  ...lists.map(([operationId, resource]): ContractCase => ({
    name: `${operationId}: page=0`,
    operationId,
    write: false,
    expectStatus: 400,
    expectFields: ['page'],
    run: ({ pa }) => (pa[resource] as unknown as { list(q?: object): Promise<unknown> }).list({ page: 0 }),
  })),
  {
    name: 'listPersonnelEvents: unknown status value',
    operationId: 'listPersonnelEvents',
    write: false,
    expectStatus: 400,
    expectFields: ['status'],
    run: ({ pa }) => pa.personnelEvents.list({ status: 'Approved' as never }),
  },
  {
    name: 'listAccessRequests: unknown action type',
    operationId: 'listAccessRequests',
    write: false,
    expectStatus: 400,
    expectFields: ['type'],
    run: ({ pa }) => pa.accessRequests.list({ type: 'Grant' as never }),
  },
  // --- invalid bodies (the server refuses them: nothing is created) ------------------------
  {
    name: 'createOnboardEvent: missing lastName and effectiveDate',
    operationId: 'createOnboardEvent',
    write: false,
    expectStatus: 400,
    expectFields: ['identity.lastName', 'effectiveDate'],
    run: ({ pa }) => pa.personnelEvents.createOnboard({ identity: { firstName: 'Contract' } } as never),
  },
  {
    name: 'createOnboardEvent: department over 128 characters',
    operationId: 'createOnboardEvent',
    write: false,
    expectStatus: 400,
    expectFields: ['identity.department'],
    run: ({ pa }) => pa.personnelEvents.createOnboard({ identity: { firstName: 'Contract', lastName: 'Test', department: 'd'.repeat(129) }, effectiveDate: future() }),
  },
  {
    name: 'createOffboardEvent: an impossible date',
    operationId: 'createOffboardEvent',
    write: false,
    expectStatus: 400,
    expectFields: ['effectiveDate'],
    run: ({ pa }) => pa.personnelEvents.createOffboard({ identityId: UNKNOWN_ID, effectiveDate: '2026-13-45' }),
  },
  {
    name: 'createRoleTransitionEvent: missing identityId',
    operationId: 'createRoleTransitionEvent',
    write: false,
    expectStatus: 400,
    expectFields: ['identityId'],
    run: ({ pa }) => pa.personnelEvents.createRoleTransition({ effectiveDate: future() } as never),
  },
  {
    name: 'createLeaveOfAbsenceEvent: missing effectiveDate',
    operationId: 'createLeaveOfAbsenceEvent',
    write: false,
    expectStatus: 400,
    expectFields: ['effectiveDate'],
    run: ({ pa }) => pa.personnelEvents.createLeaveOfAbsence({ identityId: UNKNOWN_ID } as never),
  },
  {
    name: 'stageApplicationImport: applicationId is not a GUID',
    operationId: 'stageApplicationImport',
    write: false,
    expectStatus: 400,
    expectFields: ['applicationId'],
    run: ({ pa }) => pa.applicationImports.stage({ applicationId: 'not-a-guid' }),
  },
  {
    name: 'uploadApplicationImport: an unknown application',
    operationId: 'uploadApplicationImport',
    write: false,
    expectStatus: 404,
    run: ({ pa }) => pa.applicationImports.upload({ applicationId: UNKNOWN_ID, files: { 'a1b2c3d4-0000-0000-0000-000000000001': new Blob(['employee_id\n1\n']) } }),
  },
  {
    name: 'cancelApplicationImport: an unknown import',
    operationId: 'cancelApplicationImport',
    write: false,
    expectStatus: 404,
    run: ({ pa }) => pa.applicationImports.cancel({ applicationImportId: UNKNOWN_ID }),
  },
  // --- writes ----------------------------------------------------------------------------
  {
    name: 'createOnboardEvent: a new hire',
    operationId: 'createOnboardEvent',
    write: true,
    expectStatus: 201,
    run: ({ pa }) => pa.personnelEvents.createOnboard({ identity: { firstName: 'Contract', lastName: `Test ${randomUUID().slice(0, 8)}` }, effectiveDate: future(), comment: 'Created by the Permission Assist contract tests.' }),
  },
  {
    name: 'createOffboardEvent: an identity leaving',
    operationId: 'createOffboardEvent',
    write: true,
    expectStatus: 201,
    async run({ pa, found }) {
      if (!found.identity) throw new SkipCase('no identity on the target');
      return pa.personnelEvents.createOffboard({ identityId: found.identity, effectiveDate: future(60), comment: 'Created by the Permission Assist contract tests.' });
    },
  },
  {
    name: 'createRoleTransitionEvent: a new title',
    operationId: 'createRoleTransitionEvent',
    write: true,
    expectStatus: 201,
    async run({ pa, found }) {
      if (!found.identity) throw new SkipCase('no identity on the target');
      return pa.personnelEvents.createRoleTransition({ identityId: found.identity, effectiveDate: future(), endDate: future(90), identity: { title: 'Contract Test Title' } });
    },
  },
  {
    name: 'createLeaveOfAbsenceEvent: leave without a return date',
    operationId: 'createLeaveOfAbsenceEvent',
    write: true,
    expectStatus: 201,
    async run({ pa, found }) {
      if (!found.identity) throw new SkipCase('no identity on the target');
      return pa.personnelEvents.createLeaveOfAbsence({ identityId: found.identity, effectiveDate: future() });
    },
  },
  {
    name: 'stageApplicationImport: an application with a schedule',
    operationId: 'stageApplicationImport',
    write: true,
    expectStatus: 201,
    async run({ pa, found }) {
      if (!found.application) throw new SkipCase('no application on the target');
      const staged = await pa.applicationImports.stage({ applicationId: found.application });
      found.stagedImport = staged.id;
      return staged;
    },
  },
  {
    name: 'uploadApplicationImport: one file',
    operationId: 'uploadApplicationImport',
    write: true,
    expectStatus: 201,
    async run({ pa, found }) {
      if (!found.application) throw new SkipCase('no application on the target');
      return pa.applicationImports.upload({ applicationId: found.application, files: { [process.env.PA_CONTRACT_FILE_GROUP ?? 'a1b2c3d4-0000-0000-0000-000000000001']: new Blob(['employee_id\n1\n']) } });
    },
  },
  {
    name: 'cancelApplicationImport: the import just staged',
    operationId: 'cancelApplicationImport',
    write: true,
    expectStatus: 200,
    async run({ pa, found }) {
      if (!found.stagedImport) throw new SkipCase('no staged import to cancel');
      return pa.applicationImports.cancel({ applicationImportId: found.stagedImport });
    },
  },
];

/** Thrown by a case that cannot run on this target (e.g. an empty collection). */
export class SkipCase extends Error {
  override name = 'SkipCase';
}
