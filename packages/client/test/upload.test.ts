// uploadApplicationImport: one multipart file part per file group, checked before sending.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createPermissionAssistClient as createMainClient, InvalidArgumentError } from '../src/index.js';
import { createPermissionAssistClient as createNodeClient, fileFromPath } from '../src/node.js';
import { stagedImport, TOKEN } from './helpers/fixtures.js';
import { json, startServer, type TestServer } from './helpers/server.js';
import { TRANSPORTS } from './helpers/transports.js';

const APP = 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e';
const EMPLOYEES = 'a1b2c3d4-0000-0000-0000-000000000001';
const PRIVILEGES = 'a1b2c3d4-0000-0000-0000-000000000002';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 201, stagedImport));
});
afterAll(() => server.close());

describe.each(TRANSPORTS)('$name transport', ({ create: createPermissionAssistClient }) => {
  const pa = () => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN });

  /** Parses the recorded multipart body with the web-standard parser. */
  async function parts() {
    const request = server.requests.at(-1)!;
    const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': request.headers['content-type']! }, body: new Uint8Array(request.body) }).formData();
    return Promise.all(
      [...form.entries()].map(async ([name, value]) =>
        typeof value === 'string' ? { name, value } : { name, filename: value.name, type: value.type, text: await value.text() },
      ),
    );
  }

  describe('applicationImports.upload', () => {
    it('sends applicationId and one part per file group (Blob, File, Buffer, Uint8Array, ArrayBuffer, { data, filename })', async () => {
      const result = await pa().applicationImports.upload({
        applicationId: APP,
        files: {
          [EMPLOYEES]: new File(['id,name\n1,Sarah\n'], 'employees.csv', { type: 'text/csv' }),
          [PRIVILEGES]: { data: Buffer.from('id,priv\n1,LOAN\n'), filename: 'privileges.csv', contentType: 'text/csv' },
          'a1b2c3d4-0000-0000-0000-000000000003': new Uint8Array([1, 2, 3]),
          'a1b2c3d4-0000-0000-0000-000000000004': new Blob(['blob']),
          'a1b2c3d4-0000-0000-0000-000000000005': new TextEncoder().encode('ab').buffer,
        },
      });
      expect(result).toEqual(stagedImport);
      const request = server.requests.at(-1)!;
      expect(request).toMatchObject({ method: 'POST', url: '/api/application-imports/upload' });
      expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(await parts()).toEqual([
        { name: 'applicationId', value: APP },
        { name: EMPLOYEES, filename: 'employees.csv', type: 'text/csv', text: 'id,name\n1,Sarah\n' },
        { name: PRIVILEGES, filename: 'privileges.csv', type: 'text/csv', text: 'id,priv\n1,LOAN\n' },
        { name: 'a1b2c3d4-0000-0000-0000-000000000003', filename: 'a1b2c3d4-0000-0000-0000-000000000003', type: 'application/octet-stream', text: '\u0001\u0002\u0003' },
        { name: 'a1b2c3d4-0000-0000-0000-000000000004', filename: 'a1b2c3d4-0000-0000-0000-000000000004', type: 'application/octet-stream', text: 'blob' },
        { name: 'a1b2c3d4-0000-0000-0000-000000000005', filename: 'a1b2c3d4-0000-0000-0000-000000000005', type: 'application/octet-stream', text: 'ab' },
      ]);
    });

    it('refuses empty files, bad file group ids and a bad applicationId before sending, naming each field', async () => {
      const before = server.requests.length;
      const error = await pa()
        .applicationImports.upload({ applicationId: 'app-1', files: { [EMPLOYEES]: new Uint8Array(0), 'employees.csv': new Blob(['x']) } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).errors).toEqual([
        { field: 'applicationId', message: 'must be a GUID, got "app-1"' },
        { field: `files.${EMPLOYEES}`, message: 'is empty; the server rejects empty files' },
        { field: 'files.employees.csv', message: 'the key must be the file group id (a GUID) from the connector definition' },
      ]);
      expect(server.requests.length).toBe(before);
    });

    it('refuses an upload with no files', async () => {
      await expect(pa().applicationImports.upload({ applicationId: APP, files: {} })).rejects.toThrow('files: must hold at least one file');
    });

    it('the main entry refuses file paths, pointing to the Node entry', async () => {
      await expect(createMainClient({ baseUrl: server.url, token: TOKEN }).applicationImports.upload({ applicationId: APP, files: { [EMPLOYEES]: './employees.csv' } })).rejects.toThrow(
        'file paths are supported by the client from "@permission-assist/client/node"',
      );
    });

    it('the Node entry reads file paths (with their base name) and refuses missing or empty ones', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pa-upload-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      writeFileSync(join(dir, 'employees.csv'), 'id\n1\n');
      writeFileSync(join(dir, 'empty.csv'), '');
      const node = createNodeClient({ baseUrl: server.url, token: TOKEN });
      await node.applicationImports.upload({ applicationId: APP, files: { [EMPLOYEES]: join(dir, 'employees.csv') } });
      expect((await parts())[1]).toEqual({ name: EMPLOYEES, filename: 'employees.csv', type: 'text/csv', text: 'id\n1\n' });
      const error = (await node.applicationImports
        .upload({ applicationId: APP, files: { [EMPLOYEES]: join(dir, 'empty.csv'), [PRIVILEGES]: join(dir, 'missing.csv') } })
        .catch((e: unknown) => e)) as InvalidArgumentError;
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.errors.map((e) => e.field)).toEqual([`files.${EMPLOYEES}`, `files.${PRIVILEGES}`]);
      expect(error.errors[1]!.message).toBe(`cannot read "${join(dir, 'missing.csv')}": no such file (ENOENT)`);
      expect((await fileFromPath(join(dir, 'employees.csv'))).name).toBe('employees.csv');
    });
  });
});
