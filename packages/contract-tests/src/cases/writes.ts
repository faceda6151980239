// Writes, run against a real server only with --write: each create must read back as it was sent
// and appear in its list; a cancel must move the import to Canceling; an upload must carry its
// files, and a refused upload (an empty file, an unknown group) must create no import. They act
// only on what they create, or on the identity named with --write-identity.
import { randomUUID } from 'node:crypto';
import { PermissionAssistError } from '@permission-assist/client';
import type { Page } from './resources.js';
import { future, SkipCase, UNKNOWN_ID, type CaseContext, type ContractCase } from './types.js';
import { uploadTarget } from './upload-target.js';

const COMMENT = 'Created by the Permission Assist contract tests.';

/** Whether `id` is on one of the first `pages` pages of a list. */
async function listed(list: (page: number) => Promise<Page>, id: string, pages = 5): Promise<boolean> {
  for (let page = 1; page <= pages; page += 1) {
    const result = await list(page);
    if (result.items.some((item) => item.id === id)) return true;
    if (page >= result.totalPages) return false;
  }
  return false;
}

/** The checks every created personnel event gets: fields as sent, a read-back, a list entry. */
async function createdEvent(ctx: CaseContext, event: any, sent: { type: string; identityId?: string; effectiveDate: string; endDate?: string; comment?: string }, listFilter: object) {
  ctx.check(event.type === sent.type, { path: '/type', expected: JSON.stringify(sent.type), actual: JSON.stringify(event.type) });
  ctx.check(String(event.neededOn).startsWith(sent.effectiveDate), { path: '/neededOn', expected: `the effective date sent (${sent.effectiveDate})`, actual: JSON.stringify(event.neededOn) });
  const until = sent.endDate ?? null;
  ctx.check(until === null ? event.neededUntil === null : String(event.neededUntil).startsWith(until), { path: '/neededUntil', expected: `the end date sent (${until})`, actual: JSON.stringify(event.neededUntil) });
  if (sent.identityId) ctx.check(event.affectedIdentity?.id === sent.identityId, { path: '/affectedIdentity/id', expected: sent.identityId, actual: JSON.stringify(event.affectedIdentity?.id) });
  if (sent.comment) ctx.check(JSON.stringify(event.comments ?? []).includes(sent.comment), { path: '/comments', expected: `the comment sent ("${sent.comment}")`, actual: JSON.stringify(event.comments) });
  const again = await ctx.pa.personnelEvents.get(event.id);
  for (const field of ['id', 'number', 'type', 'neededOn', 'neededUntil']) {
    ctx.check(JSON.stringify(again[field as keyof typeof again]) === JSON.stringify(event[field]), { path: `/${field} (read back)`, expected: JSON.stringify(event[field]), actual: JSON.stringify(again[field as keyof typeof again]) });
  }
  const inList = await listed((page) => ctx.pa.personnelEvents.list({ ...listFilter, page }), event.id);
  ctx.check(inList, { path: 'listPersonnelEvents', expected: `the new event ${event.number} in the list`, actual: 'not on the first pages' });
}

/** The ids of an application's latest imports. */
async function latestImports(ctx: CaseContext, applicationId: string): Promise<Set<string>> {
  const page = await ctx.pa.applicationImports.list({ applicationId, page: 1 });
  return new Set(page.items.map((i) => i.id));
}

/**
 * Sends an upload a correct server refuses, and checks that the refusal created nothing: a server
 * that answers 400 but queues the import anyway would import whatever it was sent. Such an import
 * is canceled at once. (An upload that is accepted is judged by its status and cleaned up at the end.)
 */
async function refusedUpload(ctx: CaseContext, applicationId: string, send: () => Promise<unknown>): Promise<unknown> {
  const before = await latestImports(ctx, applicationId);
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof PermissionAssistError)) throw error;
    const after = await latestImports(ctx, applicationId);
    const extra = [...after].filter((id) => !before.has(id));
    for (const id of extra) await ctx.pa.applicationImports.cancel({ applicationImportId: id }).catch(() => undefined);
    ctx.check(extra.length === 0, { path: 'listApplicationImports', expected: 'no import created by a refused upload', actual: `new import ${extra.join(', ')} in the list (canceled it)` });
    return undefined;
  }
}

export const writeCases: ContractCase[] = [
  {
    name: 'createOnboardEvent: a new hire reads back as sent',
    operationId: 'createOnboardEvent',
    write: true,
    expectStatus: 201,
    assumption: 'created-status',
    documents: 'success',
    creates: () => 'an onboarding event for a new hire "Contract Test" (no identity exists until it is approved)',
    async run(ctx) {
      // The onboarding page does not show `comment` (other create pages do): sent, not checked.
      const sent = { type: 'Onboard', effectiveDate: future() };
      const event = await ctx.pa.personnelEvents.createOnboard({ identity: { firstName: 'Contract', lastName: 'Test' }, effectiveDate: sent.effectiveDate, comment: `${COMMENT} ${randomUUID().slice(0, 8)}` });
      await createdEvent(ctx, event, sent, { type: 'Onboard' });
      return event;
    },
  },
  {
    name: 'createOffboardEvent: an identity leaving reads back as sent',
    operationId: 'createOffboardEvent',
    write: true,
    expectStatus: 201,
    needsIdentity: true,
    creates: ({ identity }) => `an offboarding of ${identity}, effective in 60 days`,
    async run(ctx) {
      const sent = { type: 'Offboard', identityId: ctx.subject(), effectiveDate: future(60), comment: COMMENT };
      const event = await ctx.pa.personnelEvents.createOffboard({ identityId: sent.identityId, effectiveDate: sent.effectiveDate, comment: sent.comment });
      await createdEvent(ctx, event, sent, { identityId: sent.identityId });
      return event;
    },
  },
  {
    name: 'createRoleTransitionEvent: a temporary transition reads back as sent',
    operationId: 'createRoleTransitionEvent',
    write: true,
    expectStatus: 201,
    assumption: 'created-status',
    documents: 'success',
    needsIdentity: true,
    creates: ({ identity }) => `a role transition of ${identity} to the title "Contract Test Title", from 30 to 90 days ahead`,
    async run(ctx) {
      const sent = { type: 'Role Transition', identityId: ctx.subject(), effectiveDate: future(), endDate: future(90) };
      const event = await ctx.pa.personnelEvents.createRoleTransition({ identityId: sent.identityId, effectiveDate: sent.effectiveDate, endDate: sent.endDate, identity: { title: 'Contract Test Title' } });
      await createdEvent(ctx, event, sent, { identityId: sent.identityId, type: 'RoleTransition' });
      return event;
    },
  },
  {
    name: 'createLeaveOfAbsenceEvent: a leave without a return date reads back as sent',
    operationId: 'createLeaveOfAbsenceEvent',
    write: true,
    expectStatus: 201,
    needsIdentity: true,
    creates: ({ identity }) => `a leave of absence of ${identity} from 30 days ahead, without a return date`,
    async run(ctx) {
      const sent = { type: 'Absence', identityId: ctx.subject(), effectiveDate: future() };
      const event = await ctx.pa.personnelEvents.createLeaveOfAbsence({ identityId: sent.identityId, effectiveDate: sent.effectiveDate });
      await createdEvent(ctx, event, sent, { identityId: sent.identityId, type: 'Absence' });
      return event;
    },
  },
  {
    name: 'stageApplicationImport: queued Pending, and listed',
    operationId: 'stageApplicationImport',
    write: true,
    expectStatus: 201,
    creates: ({ hints }) => (hints.stageApplicationId ? `an import of application ${hints.stageApplicationId} from its schedule's files (canceled at the end)` : undefined),
    async run(ctx) {
      const applicationId = ctx.hints.stageApplicationId;
      if (!applicationId) throw new SkipCase('no application to stage: name one that has an import schedule with --stage-application ID');
      const staged = await ctx.pa.applicationImports.stage({ applicationId });
      ctx.found.stagedImport = staged.id;
      ctx.check(staged.status === 'Pending', { path: '/status', expected: '"Pending"', actual: JSON.stringify(staged.status) });
      const again = await ctx.pa.applicationImports.get(staged.id);
      ctx.check(again.number === staged.number, { path: '/number (read back)', expected: String(staged.number), actual: String(again.number) });
      const inList = await listed((page) => ctx.pa.applicationImports.list({ applicationId, page }), staged.id);
      ctx.check(inList, { path: 'listApplicationImports', expected: `the new import ${staged.number} in the list of its application`, actual: 'not on the first pages' });
      return staged;
    },
  },
  {
    name: 'cancelApplicationImport: the import just staged moves to Canceling',
    operationId: 'cancelApplicationImport',
    write: true,
    expectStatus: 200,
    async run(ctx) {
      const id: string | undefined = ctx.found.stagedImport;
      if (!id) throw new SkipCase('no staged import to cancel');
      // Canceling is observable only while the import is still waiting or building.
      const before = await ctx.pa.applicationImports.get(id);
      if (before.status !== 'Pending' && before.status !== 'Running') throw new SkipCase(`the staged import was already ${before.status} before it could be canceled`);
      const canceled = await ctx.pa.applicationImports.cancel({ applicationImportId: id });
      ctx.check(canceled.status === 'Canceling', { path: '/status', expected: `"Canceling" first (the import was ${before.status}; it is canceled in the background)`, actual: JSON.stringify(canceled.status) });
      const again = await ctx.pa.applicationImports.get(id);
      ctx.check(again.status === 'Canceling' || again.status === 'Canceled', { path: '/status (read back)', expected: '"Canceling" or "Canceled"', actual: JSON.stringify(again.status) });
      return canceled;
    },
  },
  {
    name: 'cancelApplicationImport: canceling it again is refused',
    operationId: 'cancelApplicationImport',
    write: true,
    expectStatus: 409,
    assumption: 'import-already-final',
    documents: 'refusal',
    async run(ctx) {
      if (!ctx.found.stagedImport) throw new SkipCase('no canceled import to cancel again');
      return ctx.pa.applicationImports.cancel({ applicationImportId: ctx.found.stagedImport });
    },
  },
  {
    name: 'uploadApplicationImport: one file per file group, queued Pending, and read back',
    operationId: 'uploadApplicationImport',
    write: true,
    expectStatus: 201,
    assumption: 'created-status',
    documents: 'success',
    creates: ({ hints, sandbox }) =>
      hints.upload && (hints.upload.source !== 'discovered' || sandbox) ? `an import of application ${hints.upload.applicationId} from uploaded test files (canceled at the end)` : undefined,
    async run(ctx) {
      const upload = await uploadTarget(ctx, { real: true });
      const files = Object.fromEntries(upload.fileGroupIds.map((id) => [id, { data: new Blob(['employee_id,name\n1,Contract Test\n']), filename: `${id.slice(0, 8)}.csv` }]));
      const uploaded = await ctx.pa.applicationImports.upload({ applicationId: upload.applicationId, files });
      const groups = (uploaded.files ?? []).map((f) => f.fileGroupId).sort();
      ctx.check(JSON.stringify(groups) === JSON.stringify([...upload.fileGroupIds].sort()), { path: '/files', expected: `one file per group sent (${upload.fileGroupIds.join(', ')})`, actual: JSON.stringify(groups) });
      ctx.check(uploaded.status === 'Pending', { path: '/status', expected: '"Pending" (the build runs later)', actual: JSON.stringify(uploaded.status) });
      const again = await ctx.pa.applicationImports.get(uploaded.id);
      ctx.check(again.number === uploaded.number, { path: '/number (read back)', expected: String(uploaded.number), actual: String(again.number) });
      return uploaded;
    },
  },
  {
    name: 'stageApplicationImport: an application without an import schedule is refused',
    operationId: 'stageApplicationImport',
    // A server that ignored the rule would queue an import.
    write: true,
    expectStatus: 422,
    assumption: 'no-import-schedule',
    documents: 'refusal',
    async run(ctx) {
      if (!ctx.hints.unscheduledApplicationId) throw new SkipCase('no application without a schedule (set PA_CONTRACT_UNSCHEDULED_APPLICATION)');
      return ctx.pa.applicationImports.stage({ applicationId: ctx.hints.unscheduledApplicationId });
    },
  },
  {
    name: 'uploadApplicationImport: an application whose connector reads no files is refused',
    operationId: 'uploadApplicationImport',
    write: true,
    expectStatus: 422,
    assumption: 'not-file-based',
    documents: 'refusal',
    async run(ctx) {
      const group = ctx.hints.upload?.fileGroupIds[0];
      if (!ctx.hints.apiApplicationId || !group) throw new SkipCase('no application with a connector that reads no files (set PA_CONTRACT_API_APPLICATION)');
      return ctx.pa.applicationImports.upload({ applicationId: ctx.hints.apiApplicationId, files: { [group]: new Blob(['employee_id\n1\n']) } });
    },
  },
  {
    name: 'uploadApplicationImport: a part named by no file group is refused, and creates no import',
    operationId: 'uploadApplicationImport',
    write: true,
    expectStatus: 400,
    expectFields: [UNKNOWN_ID],
    assumption: 'unknown-file-group',
    documents: 'refusal',
    async run(ctx) {
      const upload = await uploadTarget(ctx);
      const files = Object.fromEntries([...upload.fileGroupIds, UNKNOWN_ID].map((id) => [id, new Blob(['employee_id\n1\n'])]));
      return refusedUpload(ctx, upload.applicationId, () => ctx.pa.applicationImports.upload({ applicationId: upload.applicationId, files }));
    },
  },
  {
    name: 'uploadApplicationImport: a required file group left out is refused, and creates no import',
    operationId: 'uploadApplicationImport',
    write: true,
    expectStatus: 400,
    assumption: 'missing-file-group',
    documents: 'refusal',
    async run(ctx) {
      const upload = ctx.hints.upload;
      const required = upload?.requiredGroupIds ?? [];
      const optional = upload?.fileGroupIds.filter((id) => !required.includes(id)) ?? [];
      if (!upload || required.length === 0 || optional.length === 0) throw new SkipCase('no application with both required and optional file groups known (set PA_CONTRACT_REQUIRED_FILE_GROUPS)');
      return refusedUpload(ctx, upload.applicationId, () => ctx.pa.applicationImports.upload({ applicationId: upload.applicationId, files: { [optional[0]!]: new Blob(['employee_id,privilege\n1,READ\n']) } }));
    },
  },
  {
    name: 'uploadApplicationImport: an empty file is refused, and creates no import',
    operationId: 'uploadApplicationImport',
    // A server that accepted it would queue an import.
    write: true,
    expectStatus: 400,
    assumption: 'empty-file',
    documents: 'refusal',
    async run(ctx) {
      const upload = await uploadTarget(ctx);
      // The client refuses empty files before sending, so the bytes go out directly.
      const form = new FormData();
      form.append('applicationId', upload.applicationId);
      upload.fileGroupIds.forEach((id, i) => form.append(id, new Blob(i === 0 ? [] : ['employee_id\n1\n']), `${id.slice(0, 8)}.csv`));
      return refusedUpload(ctx, upload.applicationId, async () => {
        const response = await ctx.fetch('/api/application-imports/upload', { method: 'POST', body: form });
        if (!response.ok) throw new PermissionAssistError(`refused with ${response.status}`);
        return response;
      });
    },
  },
];
