// renderPaCommand, for the docs site: for every operation, the command line it renders from the
// spec's own examples runs (through a shell) and sends exactly that request, shown by --dry-run.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { deref, listOperations, loadSpec } from '@permission-assist/spec-kit';
import { renderPaCommand } from '../src/sample.js';
import { bin } from './helpers.js';

const spec = loadSpec() as any;
const dir = mkdtempSync(join(tmpdir(), 'pa-cli-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BASE = 'http://127.0.0.1:9';

type Op = { section: string; path: string; method: string; operationId: string; operation: any; parameters: any[] };
const operations = (listOperations(spec) as Op[]).filter((o) => o.section === 'paths');

function exampleParameters(op: Op) {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const p of op.parameters) {
    const value = p.example ?? deref(spec, p.schema)?.examples?.[0];
    if (value === undefined) continue;
    if (p.in === 'path') path[p.name] = value;
    else if (p.name !== 'page' && op.operation.requestBody === undefined) query[p.name] = value;
  }
  const content: Record<string, any> = (deref(spec, op.operation.requestBody) as any)?.content ?? {};
  let body: unknown;
  if (content['application/json']) body = (deref(spec, Object.values(content['application/json'].examples)[0]) as { value: unknown }).value;
  if (content['multipart/form-data']) {
    writeFileSync(join(dir, 'users.csv'), 'id,name\n1,Ada\n');
    body = { applicationId: 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e', files: { 'a1b2c3d4-0000-0000-0000-000000000001': join(dir, 'users.csv') } };
  }
  return { path, query, body };
}

describe('renderPaCommand', () => {
  it.each(operations.map((o) => [o.operationId, o] as const))('%s: the rendered command sends the example request', async (operationId, op) => {
    const parameters = exampleParameters(op);
    const line = renderPaCommand(operationId, parameters);
    expect(line).toMatch(/^pa [a-z-]+ [a-z-]+/);
    const { stdout } = await promisify(execFile)('sh', ['-c', `${line.replace(/^pa /, `"${process.execPath}" "${bin}" `)} --dry-run --base-url ${BASE}`], { env: { PATH: process.env.PATH } });
    const request = JSON.parse(stdout);
    expect(request.method).toBe(op.method.toUpperCase());
    const url = new URL(request.url);
    const expectedPath = op.path.replace(/\{(\w+)\}/g, (_, name: string) => String(parameters.path[name]));
    expect(url.pathname).toBe(expectedPath);
    expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(Object.entries(parameters.query).map(([k, v]) => [k, String(v)])));
    if (op.operation.requestBody?.content?.['application/json'] || deref(spec, op.operation.requestBody)?.content?.['application/json']) expect(request.body).toEqual(parameters.body);
    if (deref(spec, op.operation.requestBody)?.content?.['multipart/form-data']) {
      expect(request.body.map((part: { name: string }) => part.name)).toEqual(['applicationId', 'a1b2c3d4-0000-0000-0000-000000000001']);
    }
  });

  it('quotes what a shell would split, and refuses an unknown operation', () => {
    expect(renderPaCommand('listAccessRequests', { query: { status: 'Open', type: 'Remove' } })).toBe('pa access-requests list --status Open --type Remove');
    expect(renderPaCommand('createOffboardEvent', { body: { identityId: 'x', effectiveDate: '2026-04-15', comment: "it's done" } })).toBe(`pa personnel-events offboard --identity-id x --effective-date 2026-04-15 --comment 'it'\\''s done'`);
    expect(() => renderPaCommand('deleteEverything')).toThrow('no operation deleteEverything');
  });
});
