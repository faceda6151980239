// Proof that the suite catches drift: a proxy in front of the mock corrupts chosen responses
// (wrong enum value, missing required field, wrong type, undocumented status) and each must be
// reported with its operation, JSON path, expectation and actual value.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningServer } from '@permission-assist/mock';
import { formatReport, runContract, type RunResult } from '../src/index.js';

type Corruption = (body: any) => { status?: number; body: any };
const corruptions: Record<string, Corruption> = {
  'GET /api/identities/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b': (body) => ({ body: { ...body, status: 'Deleted' } }),
  'GET /api/applications': (body) => ({ body: { ...body, items: body.items.map(({ name: _name, ...rest }: any) => rest) } }),
  'GET /api/access-requests': (body) => ({ body: { ...body, totalCount: String(body.totalCount) } }),
  'POST /api/personnel-events/onboard': (body) => ({ status: 202, body }),
};

let mock: RunningServer;
let corrupting: Server;
let run: RunResult;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  corrupting = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const upstream = await fetch(`${mock.url}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      let status = upstream.status;
      let text = await upstream.text();
      const corrupt = corruptions[`${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`];
      if (corrupt && upstream.ok) {
        const changed = corrupt(JSON.parse(text));
        status = changed.status ?? status;
        text = JSON.stringify(changed.body);
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => corrupting.listen(0, '127.0.0.1', resolve));
  run = await runContract({ baseUrl: `http://127.0.0.1:${(corrupting.address() as AddressInfo).port}`, token: 'pa_drift', write: true });
}, 120_000);

afterAll(async () => {
  corrupting.closeAllConnections();
  await new Promise((resolve) => corrupting.close(resolve));
  await mock.close();
});

const messages = (operationId: string) => run.results.filter((r) => r.operationId === operationId).flatMap((r) => r.violations.map((v) => v.message));

describe('drift is reported precisely', () => {
  it('a wrong enum value', () => {
    expect(messages('getIdentity')).toContain('response.body/status: expected one of "Active", "Disabled", "Removed", got "Deleted"');
  });

  it('a missing required field', () => {
    expect(messages('listApplications')).toEqual(
      expect.arrayContaining(['response.body/items/0/name: expected a required field, got missing', 'response.body/items/2/name: expected a required field, got missing']),
    );
  });

  it('a wrong type', () => {
    expect(messages('listAccessRequests')).toContain('response.body/totalCount: expected type integer, got "86"');
  });

  it('an undocumented status', () => {
    expect(messages('createOnboardEvent')).toContain('response.status: expected one of 201, 400, 401, 403, 500 or another error status, got 202');
    expect(run.coverage.find((row) => row.operationId === 'createOnboardEvent')!.undocumented).toEqual([202]);
  });

  it('fails the run, and the readable report names each failure', () => {
    expect(run.passed).toBe(false);
    const report = formatReport(run);
    expect(report).toContain('getIdentity - getIdentity: an id from the list');
    expect(report).toContain('    response.body/status: expected one of "Active", "Disabled", "Removed", actual "Deleted"');
    expect(report).toMatch(/createOnboardEvent\s+\d+\s+FAIL\s+201 400\* 401 403 500 default 202!/);
  });

  it('operations that were not corrupted still pass', () => {
    expect(messages('getAccessRequest')).toEqual([]);
    expect(messages('stageApplicationImport')).toEqual([]);
  });
});
