// The Postman collection and environment the site offers, run with newman against a sandbox
// started here: every request of the collection gets the status its operation documents.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- newman ships no types (and @types/newman is for newman 5)
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { listOperations, loadSpec } from '@permission-assist/spec-kit';
// @ts-expect-error -- plain ESM module
import { postmanCollection, postmanEnvironment } from '../postman.mjs';
// @ts-expect-error -- plain ESM module
import { describeRequest } from '../code-samples.mjs';

const spec = loadSpec();
const operations = listOperations(spec).filter((op) => op.section === 'paths');

/** What this test reads of newman's run summary. */
interface RunSummary {
  run: {
    executions: { item: { name: string }; response?: { code: number } }[];
    failures: { source?: { name: string }; error: { message: string } }[];
    stats: { assertions: { total: number } };
  };
}

function run(options: Record<string, unknown>): Promise<RunSummary> {
  return new Promise((resolve, reject) => newman.run(options, (error: Error | null, summary: RunSummary) => (error ? reject(error) : resolve(summary))));
}

describe('Postman collection', () => {
  let sandbox: RunningSandbox;
  let dir: string;
  beforeAll(async () => {
    // A frozen clock: the import staged below for the cancel request is built in seconds of sandbox
    // time, so on a running clock a slow newman run reached it after it had finished (409).
    sandbox = await startSandbox({ host: '127.0.0.1', frozen: true });
    dir = mkdtempSync(join(tmpdir(), 'pa-postman-'));
  });
  afterAll(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has one request per operation, each checking its documented status', async () => {
    const collection = await postmanCollection(spec);
    const requests = collection.item.flatMap((folder: { item: { name: string; event: { listen: string; script: { exec: string[] } }[] }[] }) => folder.item);
    expect(requests.map((r: { name: string }) => r.name).sort()).toEqual(operations.map((op) => op.operation.summary).sort());
    for (const request of requests) expect(request.event.find((e: { listen: string }) => e.listen === 'test')?.script.exec.join('\n')).toMatch(/pm\.response\.to\.have\.status\(2\d\d\)/);
    // Request bodies name no fixed date (they would be refused once past), only ones counted from today.
    const bodies = requests.map((r: { request: { body?: { raw?: string } } }) => r.request.body?.raw ?? '').join('\n');
    expect(bodies.match(/"20\d\d-\d\d-\d\d[^"]*"/g) ?? []).toEqual([]);
    expect(bodies).toContain('"effectiveDate": "{{today_plus_14_days}}T00:00:00Z"');
  });

  it('runs in newman against the sandbox, every request getting its documented status', async () => {
    let collection = JSON.stringify(await postmanCollection(spec));
    // The example import is already Canceled in the sandbox's data (409): cancel a fresh one instead.
    const staged = await fetch(`${sandbox.url}/api/application-imports/stage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ applicationId: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e' }),
    });
    expect(staged.status).toBe(201);
    collection = collection.replaceAll('f1e2d3c4-b5a6-9788-7654-321fedcba098', ((await staged.json()) as { id: string }).id);
    const upload = describeRequest(spec, operations.find((op) => op.operationId === 'uploadApplicationImport')!) as { multipart: { files: { filename: string; content: string }[] } };
    for (const file of upload.multipart.files) writeFileSync(join(dir, file.filename), file.content);

    const summary = await run({
      collection: JSON.parse(collection),
      environment: postmanEnvironment({ baseUrl: sandbox.url, token: sandbox.token }),
      workingDir: dir,
      reporters: [],
    });
    const statuses = summary.run.executions.map((execution) => `${execution.item.name}: ${execution.response?.code}`);
    const expected = operations.map((op) => `${op.operation.summary}: ${(describeRequest(spec, op) as { status: number }).status}`);
    expect(statuses.sort()).toEqual(expected.sort());
    expect(summary.run.failures.map((failure) => `${failure.source?.name}: ${failure.error.message}`)).toEqual([]);
    expect(summary.run.stats.assertions.total).toBe(operations.length);
  });
});
