// Against a server without the sandbox's control plane (the sandbox behind a proxy that hides
// /sandbox, as a real server has none): writes touch only what the run creates or the identity the
// user names, what will be created is said before the first write, every record created is listed,
// queued imports are canceled at the end, and file groups are found from earlier imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget } from './helpers/budget.js';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { describeFinding, groupFindings, resolveTarget, runContract, type RunResult, type Target } from '../src/index.js';
import { catalogue } from './helpers/drift-catalogue.js';
import { combine, realServer, startDriftProxy, type DriftProxy, type Logged } from './helpers/drift-proxy.js';

const TOKEN = 'pa_real_server_contract';
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000c0de';
const CREATES = /\/api\/(personnel-events\/(onboard|offboard|role-transition|leave-of-absence)|application-imports\/(stage|upload))$/;
let sandbox: RunningSandbox;
let proxy: DriftProxy;

const posts = (log: Logged[]) => log.filter((l) => l.method === 'POST');
/** Every identity a request asked the server to act on. */
function identitiesActedOn(log: Logged[]): string[] {
  return posts(log).flatMap((l) => {
    try {
      const body = JSON.parse(l.requestBody) as { identityId?: string };
      return body.identityId ? [body.identityId] : [];
    } catch {
      return [];
    }
  });
}
const failures = (run: RunResult) => run.results.flatMap((r) => groupFindings(r.findings.filter((f) => f.severity === 'failure')).map((g) => `${r.name}: ${describeFinding(g)}`));

async function runAgainst(target: Target) {
  proxy.clear();
  let postsBeforePlan = -1;
  let plan: string[] = [];
  const run = await runContract({ ...target, requestTimeoutMs: 5000, onPlan: (lines) => ((plan = lines), (postsBeforePlan = posts(proxy.log).length)) });
  return { run, plan, postsBeforePlan, log: [...proxy.log] };
}

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  proxy = await startDriftProxy(sandbox.url);
  proxy.use(realServer);
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});

describe('against a real server, with --write but no --write-identity', () => {
  let result: Awaited<ReturnType<typeof runAgainst>>;
  let target: Target;
  beforeAll(async () => {
    target = await resolveTarget({ baseUrl: { value: proxy.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' }, write: true });
    result = await runAgainst(target);
  }, budget(120_000));

  it('is not taken for a sandbox, and knows nothing of its applications beforehand', () => {
    expect(target.sandbox).toBe(false);
    expect(target.hints).toEqual({});
  });

  it('acts on no existing identity: every case that needs one is skipped with that reason', () => {
    expect(identitiesActedOn(result.log).filter((id) => id !== UNKNOWN_ID)).toEqual([]);
    const skipped = result.run.results.filter((r) => r.reason === 'acts on an existing identity: name a test identity with --write-identity ID').map((r) => r.name);
    expect(skipped).toEqual(expect.arrayContaining(['createOffboardEvent: an identity leaving reads back as sent', 'createLeaveOfAbsenceEvent: an end date before the effective date', 'createRoleTransitionEvent: a supervisor that does not exist']));
    expect(skipped).toHaveLength(6);
  });

  it('says what it will create before its first write, and only that', () => {
    expect(result.postsBeforePlan).toBe(0);
    expect(result.plan).toEqual(['an onboarding event for a new hire "Contract Test" (no identity exists until it is approved)']);
  });

  it('lists every record it created, with a link to read it back', () => {
    const created = posts(result.log).filter((l) => CREATES.test(l.path) && l.status >= 200 && l.status < 300).map((l) => l.body.id as string);
    expect(created.length).toBeGreaterThan(0);
    expect(result.run.created.map((c) => c.id).sort()).toEqual(created.sort());
    expect(result.run.created[0]!.link).toBe(`${proxy.url}/api/personnel-events/${result.run.created[0]!.id}`);
  });

  it('finds file groups from earlier imports (files[].fileGroupId) and checks refused uploads with them, but uploads no test data there', () => {
    const outcome = (name: string) => result.run.results.find((r) => r.name === name)!;
    expect(outcome('uploadApplicationImport: an empty file is refused, and creates no import').outcome).toBe('passed');
    expect(outcome('uploadApplicationImport: a part named by no file group is refused, and creates no import').outcome).toBe('passed');
    expect(outcome('uploadApplicationImport: one file per file group, queued Pending, and read back').reason).toMatch(/^a real upload would import test data into application [0-9a-f-]{36} \(found from its earlier imports\): name a test application with --upload-application ID --file-group ID$/);
    expect(posts(result.log).filter((l) => /upload$/.test(l.path) && l.status < 300)).toEqual([]);
  });

  it('reports nothing against the faithful server', () => {
    expect(failures(result.run)).toEqual([]);
    expect(result.run.exitCode).toBe(0);
  });
});

describe('against a real server, with --write-identity, --stage-application and --upload-application', () => {
  let result: Awaited<ReturnType<typeof runAgainst>>;
  let identity: string;
  beforeAll(async () => {
    const direct = await resolveTarget({ baseUrl: { value: sandbox.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' } });
    const listed = (await (await fetch(`${sandbox.url}/api/identities`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { items: { id: string; status: string }[] };
    identity = listed.items.find((i) => i.status === 'Active')!.id;
    const upload = direct.hints.upload!;
    const target = await resolveTarget({
      baseUrl: { value: proxy.url, from: '--base-url' },
      token: { value: TOKEN, from: 'PA_TOKEN' },
      write: true,
      writeIdentity: identity,
      stageApplicationId: direct.hints.stageApplicationId,
      upload: { applicationId: upload.applicationId, fileGroupIds: upload.fileGroupIds, requiredGroupIds: upload.requiredGroupIds ?? [] },
    });
    result = await runAgainst(target);
  }, budget(120_000));

  it('acts on the named identity and on nothing else that exists', () => {
    const acted = new Set(identitiesActedOn(result.log));
    expect(acted.has(identity)).toBe(true);
    expect([...acted].filter((id) => id !== identity && id !== UNKNOWN_ID)).toEqual([]);
    expect(result.plan.some((line) => line.startsWith(`an offboarding of ${identity}`))).toBe(true);
  });

  it('a real upload yields a Pending import that reads back; imports still queued at the end are canceled', () => {
    expect(result.run.results.find((r) => r.name.startsWith('uploadApplicationImport: one file per file group'))!.outcome).toBe('passed');
    const imports = result.run.created.filter((c) => c.kind === 'Application Import');
    expect(imports.map((c) => c.operationId).sort()).toEqual(['stageApplicationImport', 'uploadApplicationImport']);
    const uploaded = imports.find((c) => c.operationId === 'uploadApplicationImport')!;
    expect(uploaded.cleanup).toBe('canceled (was Pending, now Canceling)');
    expect(posts(result.log).at(-1)).toMatchObject({ path: '/api/application-imports/cancel', requestBody: JSON.stringify({ applicationImportId: uploaded.id }) });
    expect(failures(result.run)).toEqual([]);
  });
});

describe('against a real server that accepts an empty file', () => {
  it('is reported, with file groups found from its own imports', async () => {
    proxy.use(combine(realServer, catalogue.find((d) => d.name === 'an empty upload file accepted')!));
    try {
      const target = await resolveTarget({ baseUrl: { value: proxy.url, from: '--base-url' }, token: { value: TOKEN, from: 'PA_TOKEN' }, write: true });
      const { run } = await runAgainst(target);
      expect(failures(run)).toContain("uploadApplicationImport: an empty file is refused, and creates no import: response.status: expected the request refused (the vendor's rule; the spec assumes 400), actual 201");
      expect(run.exitCode).toBe(1);
    } finally {
      proxy.use(realServer);
    }
  }, budget(120_000));
});
