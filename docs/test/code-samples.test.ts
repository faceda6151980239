// The generated code samples, proven: every curl and Python sample runs against a sandbox started
// here and gets the status its operation documents; every PowerShell sample parses with no error
// under the tree-sitter PowerShell grammar (PowerShell itself cannot be installed on this machine);
// every TypeScript sample type-checks against the client.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { listOperations, loadSpec, sandboxSpecPath, type SpecOperation } from '@permission-assist/spec-kit';
// @ts-expect-error -- plain ESM module
import { codeSamples, DEFAULT_HOST, describeRequest } from '../code-samples.mjs';
import { runSample } from './run-sample.js';

type Sample = { lang: string; label: string; source: string };
type Request = { status: number; multipart?: { files: { filename: string; content: string }[] } };

const spec = loadSpec();
const sandboxSpec = loadSpec(sandboxSpecPath);
const apiOperations = listOperations(spec).filter((op) => op.section === 'paths');
const controlOperations = listOperations(sandboxSpec).filter((op) => op.section === 'paths');
const samplesOf = (document: unknown, op: SpecOperation, host?: string) => codeSamples(document, op, { host }) as Sample[];
const apiSamples = new Map(apiOperations.map((op) => [op.operationId, samplesOf(spec, op)]));
const controlSamples = new Map(controlOperations.map((op) => [op.operationId, samplesOf(sandboxSpec, op, 'http://127.0.0.1:4010')]));
const sampleOf = (operationId: string, label: string) => apiSamples.get(operationId)!.find((s) => s.label === label)!.source;
const EXAMPLE_DATES = /\b20\d\d-\d\d-\d\d\b/;

describe('code samples', () => {
  it('every API operation has curl, PowerShell, Python and TypeScript; every sandbox control curl, PowerShell and Python', () => {
    expect(apiSamples.size).toBe(17);
    for (const [operationId, list] of apiSamples) expect(list.map((s) => s.label), operationId).toEqual(['curl', 'PowerShell', 'Python', 'TypeScript', 'pa']);
    expect(controlSamples.size).toBeGreaterThan(10);
    for (const [operationId, list] of controlSamples) expect(list.map((s) => s.label), operationId).toEqual(['curl', 'PowerShell', 'Python']);
  });

  it('read the token from the environment and compute dates from today, in every language', () => {
    for (const list of [...apiSamples.values(), ...controlSamples.values()]) {
      for (const { label, source } of list) {
        expect(source, label).not.toMatch(/Bearer pa_/);
        expect(source, label).toMatch(/\$PA_TOKEN|\$env:PA_TOKEN|os\.environ\['PA_TOKEN'\]|process\.env\.PA_TOKEN/);
      }
    }
    for (const operationId of ['createOnboardEvent', 'createOffboardEvent', 'createRoleTransitionEvent', 'createLeaveOfAbsenceEvent']) {
      const [curl, powershell, python, typescript, pa] = apiSamples.get(operationId)!.map((s) => s.source);
      for (const source of [curl, powershell, python, typescript, pa]) expect(source, operationId).not.toMatch(EXAMPLE_DATES);
      expect(pa).toContain(`"$(date -u -d '+14 days' +%F)`);
      expect(curl).toContain("$(date -u -d '+14 days' +%F)");
      expect(powershell).toContain('(Get-Date).AddDays(14)');
      expect(python).toContain('date.today() + timedelta(days=14)');
      expect(typescript).toContain('inDays(14)');
    }
    // A later date keeps its distance from the first one (the example's leave lasts 91 days).
    expect(sampleOf('createLeaveOfAbsenceEvent', 'Python')).toContain('timedelta(days=105)');
  });

  it('page through lists, send uploads as multipart, and show status, field errors and correlationId', () => {
    expect(sampleOf('listIdentities', 'PowerShell')).toMatch(/do \{[\s\S]*page=\$page[\s\S]*\} while \(\$page -le \$result\.totalPages\)/);
    expect(sampleOf('listIdentities', 'Python')).toMatch(/while True:[\s\S]*"page": page[\s\S]*if page >= result\["totalPages"\]/);
    expect(sampleOf('listIdentities', 'TypeScript')).toContain('pa.identities.listAll(');
    expect(sampleOf('uploadApplicationImport', 'curl')).toContain("-F 'a1b2c3d4-0000-0000-0000-000000000001=@./a1b2c3d4-0000-0000-0000-000000000001.csv;type=text/csv'");
    expect(sampleOf('uploadApplicationImport', 'PowerShell')).toMatch(/Form = @\{[\s\S]*= Get-Item '\.\/a1b2c3d4-0000-0000-0000-000000000001\.csv'/);
    expect(sampleOf('uploadApplicationImport', 'PowerShell')).toContain('5.1');
    expect(sampleOf('uploadApplicationImport', 'Python')).toContain('files=files');
    for (const label of ['PowerShell', 'Python', 'TypeScript']) {
      const source = sampleOf('createOffboardEvent', label);
      expect(source, label).toMatch(/correlationId/);
      expect(source, label).toMatch(/\bfield\b/);
      expect(source, label).toMatch(/status/);
    }
  });

  it('pretty-print JSON bodies, one field a line', () => {
    const curl = sampleOf('createOffboardEvent', 'curl');
    expect(curl).toContain('--data @- <<EOF\n{\n  "identityId": "d4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b",\n');
    expect(sampleOf('createOffboardEvent', 'PowerShell')).toContain("$body = [ordered]@{\n  identityId = 'd4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b'\n");
  });

  it('every pa sample runs (with --dry-run) and sends its operation\'s method and path', async () => {
    const bin = createRequire(import.meta.url).resolve('@permission-assist/cli/package.json').replace(/package\.json$/, 'bin/pa.cjs');
    const dir = fileURLToPath(new URL(`./.pa-samples-${process.pid}/`, import.meta.url));
    mkdirSync(dir, { recursive: true });
    try {
      for (const op of apiOperations) {
        const request = describeRequest(spec, op);
        for (const file of request.multipart?.files ?? []) writeFileSync(`${dir}${file.filename}`, 'id,name\n1,Ada\n');
        const source = sampleOf(op.operationId, 'pa');
        const script = `pa() { "${process.execPath}" "${bin}" "$@"; }\n${source.trimEnd()} --dry-run --base-url http://127.0.0.1:9\n`;
        const run = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
        expect(run.status, `${op.operationId}: ${run.stderr}`).toBe(0);
        const sent = JSON.parse(run.stdout) as { method: string; url: string };
        expect(sent.method, op.operationId).toBe(request.method);
        expect(new URL(sent.url).pathname, op.operationId).toBe(request.path);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every PowerShell sample parses with no error under tree-sitter-powershell', async () => {
    const require = createRequire(import.meta.url);
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    const problems: string[] = [];
    const walk = (node: Node, operationId: string) => {
      if (node.isError || node.isMissing) problems.push(`${operationId}: ${node.isMissing ? 'missing' : 'unexpected'} ${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}`);
      for (const child of node.children) if (child) walk(child, operationId);
    };
    let parsed = 0;
    for (const [operationId, list] of [...apiSamples, ...controlSamples]) {
      const tree = parser.parse(list.find((s) => s.label === 'PowerShell')!.source)!;
      walk(tree.rootNode, operationId);
      parsed += 1;
    }
    // The grammar does find errors: a sample cut short does not parse.
    const broken = parser.parse(sampleOf('createOffboardEvent', 'PowerShell').slice(0, 80))!;
    expect(broken.rootNode.hasError).toBe(true);
    parser.delete();
    expect(parsed).toBe(apiSamples.size + controlSamples.size);
    expect(problems).toEqual([]);
  });

  it('every TypeScript sample type-checks (strict) against @permission-assist/client', () => {
    const dir = fileURLToPath(new URL('./.samples/', import.meta.url));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [operationId] of apiSamples) writeFileSync(`${dir}${operationId}.ts`, `${sampleOf(operationId, 'TypeScript')}export {};\n`);
    writeFileSync(
      `${dir}tsconfig.json`,
      JSON.stringify({
        extends: '../../../tsconfig.base.json',
        compilerOptions: {
          noEmit: true,
          types: ['node'],
          typeRoots: ['../../../node_modules/@types'],
          paths: { '@permission-assist/client': ['../../../packages/client/src/index.ts'], '@permission-assist/client/node': ['../../../packages/client/src/node.ts'] },
        },
        include: ['*.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(fileURLToPath(new URL('../../node_modules/.bin/tsc', import.meta.url)), ['-p', dir], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(output).toBe('');
  });
});

describe('curl and Python samples against a sandbox', () => {
  let sandbox: RunningSandbox;
  const log: { method: string; url: string; status: number }[] = [];

  beforeAll(async () => {
    const python = spawnSync('python3', ['-c', 'import requests'], { encoding: 'utf8' });
    if (python.status !== 0) throw new Error(`the Python samples need python3 with requests (pip install requests): ${python.stderr || python.error}`);
    // A frozen clock: the import staged for the cancel sample is built in seconds of sandbox time, so
    // on a running clock a sample slower than that to start (a loaded machine) met it Finished (409).
    sandbox = await startSandbox({ host: '127.0.0.1', frozen: true, onRequest: (entry) => log.push(entry) });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /**
   * The id a sample should act on, when the example's own record cannot take the call: the
   * example import is already Canceled in the data set (409), so cancelling is tried on a freshly
   * staged one, as a user would put in their own import's id.
   */
  async function targetOf(op: SpecOperation): Promise<[string, string] | undefined> {
    if (op.operationId !== 'cancelApplicationImport') return undefined;
    const staged = await fetch(`${sandbox.url}/api/application-imports/stage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ applicationId: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e' }),
    });
    expect(staged.status).toBe(201);
    return ['f1e2d3c4-b5a6-9788-7654-321fedcba098', ((await staged.json()) as { id: string }).id];
  }

  for (const label of ['curl', 'Python']) {
    it.each(apiOperations.map((op) => [op.operationId, op] as const))(`${label}: %s gets its documented status`, async (_id, op) => {
      const request = describeRequest(spec, op) as Request;
      let source = apiSamples.get(op.operationId)!.find((s) => s.label === label)!.source.replaceAll(DEFAULT_HOST, sandbox.url);
      const target = await targetOf(op);
      if (target) source = source.replaceAll(target[0], target[1]);
      log.length = 0;
      const run = await runSample(label, source, { token: sandbox.token, files: request.multipart?.files });
      expect(run.code, run.output).toBe(0);
      await expect.poll(() => log.length).toBeGreaterThan(0);
      const calls = log.filter((entry) => entry.url.startsWith('/api/'));
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(`${call.method} ${call.url} ${call.status}`).toBe(`${call.method} ${call.url} ${request.status}`);
    });
  }
});

describe('curl and Python samples of the sandbox controls against a sandbox', () => {
  let sandbox: RunningSandbox;
  const log: { method: string; url: string; status: number }[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response.json() as Promise<Record<string, unknown>>;
  };
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', onRequest: (entry) => log.push(entry) });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /**
   * Records for the controls whose example names a record the data set does not have in the state
   * the call needs (an event is Pending only when it takes effect today, and the example one is long done; the example webhook and delivery do
   * not exist): made here, and the sample pointed at them, as a user would with their own ids.
   */
  const prepare: Record<string, () => Promise<[string, string]>> = {
    approvePersonnelEvent: async () => {
      const created = await call('POST', '/api/personnel-events/onboard', { identity: { firstName: 'Ada', lastName: 'Sample' }, effectiveDate: sandbox.clock.now().toISOString().slice(0, 10) });
      return ['c9d0e1f2-a3b4-4c5d-8e6f-7a8b9c0d1e2f', created.id as string];
    },
    deleteWebhook: async () => {
      const registered = await call('POST', '/sandbox/webhooks', { url: 'http://127.0.0.1:9/unused' });
      return ['5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', registered.id as string];
    },
    postDeliveryCallback: async () => {
      // Nothing listens on port 9 of the loopback: the delivery is recorded (and fails), which is all a callback needs.
      await call('POST', '/sandbox/webhooks', { url: 'http://127.0.0.1:9/receiver' });
      let deliveries: { id: string }[] = [];
      for (let day = 0; day < 10 && deliveries.length === 0; day += 1) {
        await call('POST', '/sandbox/clock/advance', { seconds: 86_400 });
        deliveries = (await call('GET', '/sandbox/webhooks/deliveries')).items as { id: string }[];
      }
      expect(deliveries.length).toBeGreaterThan(0);
      return ['4d5e6f7a-8b9c-4d0e-a1f2-3a4b5c6d7e8f', deliveries[0]!.id];
    },
  };

  for (const label of ['curl', 'Python']) {
    it.each(controlOperations.map((op) => [op.operationId, op] as const))(`${label}: %s gets its documented status`, async (_id, op) => {
      const request = describeRequest(sandboxSpec, op) as Request;
      let source = controlSamples.get(op.operationId)!.find((s) => s.label === label)!.source.replaceAll('http://127.0.0.1:4010', sandbox.url);
      const target = await prepare[op.operationId]?.();
      if (target) source = source.replaceAll(target[0], target[1]);
      log.length = 0;
      const run = await runSample(label, source, { token: sandbox.token });
      expect(run.code, run.output).toBe(0);
      await expect.poll(() => log.length).toBeGreaterThan(0);
      for (const entry of log) expect(`${entry.method} ${entry.url} ${entry.status}`).toBe(`${entry.method} ${entry.url} ${request.status}`);
    });
  }
});
