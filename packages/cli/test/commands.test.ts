// Every command of pa against the sandbox, in process: each API operation, api, the sandbox
// control plane, --dry-run, and the output formats parsed back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { EXIT } from '../src/exit-codes.js';
import { json, outputs, pa, TOKEN } from './helpers.js';

let sandbox: RunningSandbox;
let env: Record<string, string>;
let dir: string;
type Connector = { application: { id: string; isArchived: boolean }; importSchedule: { filesPresent: boolean } | null; fileBased: boolean; fileGroups: { id: string; required: boolean }[] };
let connectors: Connector[];
const today = () => sandbox.clock.now().toISOString().slice(0, 10);

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  env = { PA_BASE_URL: sandbox.url };
  dir = mkdtempSync(join(tmpdir(), 'pa-cli-'));
  connectors = json<{ items: Connector[] }>(await pa(['sandbox', 'connectors'], { env })).items;
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const identityId = async () => json<{ id: string }[]>(await pa(['identities', 'list', '--query', "items[?status=='Active']"], { env }));

describe('reads', () => {
  it.each(['identities', 'applications', 'access-requests', 'personnel-events', 'application-imports'])('%s list and get', async (resource) => {
    const list = await pa([resource, 'list'], { env });
    expect(list.code).toBe(EXIT.ok);
    const page = json<{ items: { id: string }[]; page: number; totalPages: number }>(list);
    expect(page.page).toBe(1);
    expect(page.items.length).toBeGreaterThan(0);
    const got = await pa([resource, 'get', page.items[0]!.id], { env });
    expect(got.code).toBe(EXIT.ok);
    expect(json(got).id).toBe(page.items[0]!.id);
  });

  it('filter flags reach the server, allowed values ignoring case as the spec says', async () => {
    const [status, action] = json<[string, string]>(await pa(['access-requests', 'list', '-q', 'items[0].[status, action]'], { env }));
    const result = await pa(['access-requests', 'list', '--status', status.toLowerCase(), '--type', action.toUpperCase(), '-q', 'items[].[status, action]'], { env });
    expect(result.code).toBe(EXIT.ok);
    const pairs = json<[string, string][]>(result);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((pair) => pair[0] === status && pair[1] === action)).toBe(true);
    const wrong = await pa(['access-requests', 'list', '--status', 'Done'], { env });
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.stderr).toContain('must be one of Pending, Open, Resolved, Completed, Canceled, Scheduled, Snoozed (case is ignored)');
    // The short alias of the resource works too.
    expect((await pa(['requests', 'list', '--page', '2', '-q', 'page'], { env })).stdout.trim()).toBe('2');
  });

  it('--all walks every page, in order, once each', async () => {
    const totalCount = Number((await pa(['access-requests', 'list', '-q', 'totalCount'], { env })).stdout);
    expect(totalCount).toBeGreaterThan(50);
    const all = await pa(['access-requests', 'list', '--all', '-o', 'ndjson'], { env });
    const ids = all.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.length).toBe(totalCount);
    expect(new Set(ids).size).toBe(totalCount);
    const asJson = json<{ id: string }[]>(await pa(['access-requests', 'list', '--all', '-o', 'json'], { env }));
    expect(asJson.map((r) => r.id)).toEqual(ids);
  });
});

describe('output formats, parsed back', () => {
  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') row.push(field), (field = '');
      else if (c === '\r' && text[i + 1] === '\n') {
        row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
      } else field += c;
    }
    return rows;
  }

  it('json, ndjson, csv and table describe the same records', async () => {
    const page = json<{ items: Record<string, unknown>[] }>(await pa(['personnel-events', 'list'], { env }));
    const ndjson = (await pa(['personnel-events', 'list', '-o', 'ndjson'], { env })).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ndjson).toEqual(page.items);
    const csv = parseCsv((await pa(['personnel-events', 'list', '-o', 'csv'], { env })).stdout);
    expect(csv[0]).toEqual(Object.keys(page.items[0]!));
    expect(csv.length).toBe(page.items.length + 1);
    const statusColumn = csv[0]!.indexOf('status');
    expect(csv.slice(1).map((r) => r[statusColumn])).toEqual(page.items.map((i) => i.status));
    // Nested records show by name: the reporter's name, not [object Object].
    expect(csv[1]![csv[0]!.indexOf('reporter')]).toBe((page.items[0]!.reporter as { name: string }).name);
    const table = (await pa(['personnel-events', 'list', '-o', 'table'], { env })).stdout.trimEnd().split('\n');
    expect(table[0]!.split(/\s{2,}/).slice(0, 3)).toEqual(['ID', 'KIND', 'NUMBER']);
    expect(table.length).toBe(page.items.length + 1);
    expect(table.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(page.items.map((i) => i.id));
  });

  it('a table fits the terminal: columns that do not fit are left out and counted', async () => {
    const narrow = (await pa(['identities', 'list', '-o', 'table'], { env, tty: true, columns: 80 })).stdout.trimEnd().split('\n');
    expect(narrow.every((line) => line.length <= 80)).toBe(true);
    expect(narrow[0]!.startsWith('ID ')).toBe(true);
    expect(narrow.at(-1)).toMatch(/^\(\d+ more columns: widen the terminal, or use --output json or --query\)$/);
    const id = (await identityId())[0]!.id;
    const record = (await pa(['identities', 'get', id, '-o', 'table'], { env, tty: true, columns: 50 })).stdout.trimEnd().split('\n');
    expect(record.every((line) => line.length <= 50)).toBe(true);
    expect(record).toHaveLength(17);
  });

  it('a table on a terminal and json otherwise, unless --output says', async () => {
    const id = (await identityId())[0]!.id;
    const onTerminal = await pa(['identities', 'get', id], { env, tty: true });
    expect(onTerminal.stdout).toMatch(new RegExp(`^id\\s+${id}$`, 'm'));
    const piped = await pa(['identities', 'get', id], { env });
    expect(json(piped).id).toBe(id);
    expect(json(await pa(['identities', 'get', id, '-o', 'json'], { env, tty: true })).id).toBe(id);
  });

  it('--query selects fields (JMESPath), and a broken expression is a usage error before anything is sent', async () => {
    const id = (await identityId())[0]!.id;
    expect(json(await pa(['identities', 'get', id, '-q', '{who: lastName, status: status}'], { env }))).toEqual({ who: expect.any(String), status: 'Active' });
    const broken = await pa(['identities', 'get', id, '-q', 'items[?'], { env });
    expect(broken.code).toBe(EXIT.usage);
    expect(broken.stderr).toMatch(/^pa: --query: /);
  });
});

describe('writes', () => {
  it('personnel-events onboard from --data, a file and stdin; offboard, role-transition and leave-of-absence from flags', async () => {
    const hire = { identity: { firstName: 'Ada', lastName: 'Lovelace' }, effectiveDate: today(), comment: 'HR-1001' };
    const inline = await pa(['personnel-events', 'onboard', '--data', JSON.stringify(hire)], { env });
    expect(inline.code).toBe(EXIT.ok);
    expect(json(inline)).toMatchObject({ type: 'Onboard' });
    writeFileSync(join(dir, 'hire.json'), JSON.stringify(hire));
    expect(json(await pa(['events', 'onboard', '--data', `@${join(dir, 'hire.json')}`], { env })).type).toBe('Onboard');
    expect(json(await pa(['events', 'onboard', '--data', '-'], { env, stdin: JSON.stringify(hire) })).type).toBe('Onboard');

    const [first, second, third] = await identityId();
    const offboard = await pa(['personnel-events', 'offboard', '--identity-id', first!.id, '--effective-date', today(), '--comment', 'left'], { env });
    expect(json(offboard)).toMatchObject({ type: 'Offboard' });
    const transition = await pa(['personnel-events', 'role-transition', '--identity-id', second!.id, '--effective-date', today(), '--data', '{"identity":{"title":"Branch Manager"}}'], { env });
    expect(json(transition)).toMatchObject({ type: 'Role Transition' });
    const leave = await pa(['personnel-events', 'leave-of-absence', '--identity-id', third!.id, '--effective-date', today()], { env });
    expect(json(leave)).toMatchObject({ type: 'Absence' });
  });

  it('a missing required field is named before anything is sent', async () => {
    const result = await pa(['personnel-events', 'offboard', '--effective-date', today()], { env });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('--identity-id is required');
    expect((await pa(['imports', 'cancel'], { env })).stderr).toContain('imports cancel: the id (an argument, or --application-import-id) is required');
  });

  it('imports stage, upload with --file, cancel by id, and list by application', async () => {
    const staged = connectors.find((c) => c.importSchedule?.filesPresent && !c.application.isArchived)!;
    const stage = await pa(['imports', 'stage', '--application-id', staged.application.id], { env });
    expect(json(stage)).toMatchObject({ status: 'Pending' });
    const cancel = await pa(['imports', 'cancel', json(stage).id], { env });
    expect(cancel.code).toBe(EXIT.ok);
    expect(json(cancel).status).toMatch(/^Cancel/);

    const fileBased = connectors.find((c) => c.fileBased && !c.application.isArchived)!;
    const files = fileBased.fileGroups.flatMap((group, i) => {
      writeFileSync(join(dir, `group-${i}.csv`), 'id,name\n1,Ada\n');
      return ['--file', `${group.id}=${join(dir, `group-${i}.csv`)}`];
    });
    const upload = await pa(['imports', 'upload', '--application-id', fileBased.application.id, ...files], { env });
    expect(upload.code).toBe(EXIT.ok);
    expect(json(upload)).toMatchObject({ status: 'Pending' });
    expect(json(upload).files.length).toBe(fileBased.fileGroups.length);
    const listed = json<{ items: { id: string }[] }>(await pa(['imports', 'list', '--application-id', fileBased.application.id], { env }));
    expect(listed.items.map((i) => i.id)).toContain(json(upload).id);
  });

  it('--dry-run prints the request and sends nothing', async () => {
    const staged = connectors.find((c) => c.importSchedule?.filesPresent)!;
    const before = Number((await pa(['imports', 'list', '-q', 'totalCount'], { env })).stdout);
    const dry = await pa(['imports', 'stage', '--application-id', staged.application.id, '--dry-run'], { env });
    expect(dry.code).toBe(EXIT.ok);
    expect(json(dry)).toEqual({
      method: 'POST',
      url: `${sandbox.url}/api/application-imports/stage`,
      headers: expect.objectContaining({ authorization: 'Bearer [redacted]', 'content-type': 'application/json' }),
      body: { applicationId: staged.application.id },
    });
    expect(Number((await pa(['imports', 'list', '-q', 'totalCount'], { env })).stdout)).toBe(before);
    // Without any token too: a dry run needs none.
    expect((await pa(['identities', 'list', '--status', 'x', '--dry-run'], { env: { ...env, PA_TOKEN: undefined } })).code).toBe(EXIT.usage);
    expect(json(await pa(['identities', 'list', '--page', '3', '--dry-run'], { env: { ...env, PA_TOKEN: undefined } })).url).toBe(`${sandbox.url}/api/identities?page=3`);
  });
});

describe('api and sandbox', () => {
  it('pa api sends any request with the same auth', async () => {
    expect(json(await pa(['api', 'GET', '/api/identities?page=2'], { env })).page).toBe(2);
    const missing = await pa(['api', 'GET', '/api/identities/00000000-0000-4000-8000-000000000000'], { env });
    expect(missing.code).toBe(EXIT.notFound);
    expect((await pa(['api', 'FETCH', '/api/identities'], { env })).code).toBe(EXIT.usage);
  });

  it('sandbox info, clock (show, advance 1d and 2h, freeze, resume), reset, approve, connectors, webhooks, deliveries', async () => {
    expect(json(await pa(['sandbox', 'info'], { env })).counts.identities).toBeGreaterThan(0);
    const frozen = json(await pa(['sandbox', 'clock', 'freeze'], { env }));
    expect(frozen.frozen).toBe(true);
    const start = Date.parse(json(await pa(['sandbox', 'clock'], { env })).now);
    expect(Date.parse(json(await pa(['sandbox', 'clock', 'advance', '1d'], { env })).clock.now) - start).toBe(86_400_000);
    expect(Date.parse(json(await pa(['sandbox', 'clock', 'advance', '2h'], { env })).clock.now) - start).toBe(93_600_000);
    expect((await pa(['sandbox', 'clock', 'advance', 'soon'], { env })).code).toBe(EXIT.usage);
    expect(json(await pa(['sandbox', 'clock', 'resume'], { env })).frozen).toBe(false);

    const hire = await pa(['events', 'onboard', '--data', JSON.stringify({ identity: { firstName: 'Grace', lastName: 'Hopper' }, effectiveDate: sandbox.clock.now().toISOString().slice(0, 10) })], { env });
    const approved = await pa(['sandbox', 'approve', json(hire).id], { env });
    expect(approved.code).toBe(EXIT.ok);
    expect(json(approved).status).not.toBe('Pending');
    expect(json(await pa(['sandbox', 'webhooks'], { env })).items).toEqual([]);
    expect(Array.isArray(json(await pa(['sandbox', 'deliveries'], { env })).items)).toBe(true);
    const reset = await pa(['sandbox', 'reset', '--seed', '7', '--size', 'small'], { env });
    expect(json(reset).seed).toBe(7);
  });
});

describe('the token', () => {
  it('never appears in any output of this file, --verbose included', async () => {
    const verbose = await pa(['identities', 'list', '--verbose'], { env });
    expect(verbose.stderr).toMatch(/^> GET .*\/api\/identities \(attempt 1\) authorization: Bearer \[redacted\]$/m);
    expect(verbose.stderr).toMatch(/^< 200 GET /m);
    expect(outputs.length).toBeGreaterThan(40);
    expect(outputs.filter((text) => text.includes(TOKEN))).toEqual([]);
  });
});
