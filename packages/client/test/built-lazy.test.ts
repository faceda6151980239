// The built package keeps four parts out of the code every page loads up front and loads each on
// first use: the waiters' polling, the upload form, the redirect policy and the note of a refused
// call. In the ESM build each is a chunk of its own (dist/*-HASH.js), in the CommonJS build it stays
// in the same file. Both builds are exercised here as an application gets them, through dist: every
// part loads, and the errors thrown from a lazily loaded chunk are the classes the entry exports.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarahChen, stagedImport, TOKEN } from './helpers/fixtures.js';
import { errorBody, json, startServer, type TestServer } from './helpers/server.js';

type Entry = typeof import('../src/index.js');
const dist = new URL('../dist/', import.meta.url);
const BUILDS: { name: string; load: () => Promise<Entry> }[] = [
  { name: 'ESM', load: () => import(pathToFileURL(new URL('index.js', dist).pathname).href) as Promise<Entry> },
  { name: 'CommonJS', load: async () => createRequire(import.meta.url)(new URL('index.cjs', dist).pathname) as Entry },
];

const APP = 'b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e';
const FILE_GROUP = 'a1b2c3d4-0000-0000-0000-000000000001';
let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = req.url!;
    if (url === '/api/application-imports/finished') return json(res, 200, { ...stagedImport, status: 'Finished' });
    if (url === '/api/application-imports/failed') return json(res, 200, { ...stagedImport, status: 'Failed' });
    if (url === '/api/application-imports/upload') return json(res, 201, stagedImport);
    if (url === '/api/identities/moved') return void res.writeHead(302, { location: `/api/identities/${sarahChen.id}` }).end();
    if (url === '/api/identities/elsewhere') return void res.writeHead(302, { location: `http://example.invalid/api/identities/${sarahChen.id}` }).end();
    if (url === '/api/identities/busy') return json(res, 503, errorBody('server_error', 'busy'), { 'retry-after': '7' });
    return json(res, 200, sarahChen);
  });
});
afterAll(() => server.close());

describe.each(BUILDS)('the $name build', ({ load }) => {
  const client = async () => {
    const entry = await load();
    return { entry, pa: entry.createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, retry: false }) };
  };

  it('loads the waiters on the first wait; their errors are the entry’s classes', async () => {
    const { entry, pa } = await client();
    await expect(pa.applicationImports.waitUntilDone('finished', { timeoutMs: 5_000 })).resolves.toMatchObject({ status: 'Finished' });
    const failure = await pa.applicationImports.waitUntilDone('failed', { timeoutMs: 5_000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(entry.WaiterFailureError);
    expect(failure).toBeInstanceOf(entry.PermissionAssistError);
    const invalid = await pa.applicationImports.waitFor('finished', { status: 'Done' as never }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(entry.InvalidArgumentError);
  });

  it('loads the upload form on the first upload, and checks its input there', async () => {
    const { entry, pa } = await client();
    await expect(pa.applicationImports.upload({ applicationId: APP, files: { [FILE_GROUP]: new Blob(['id\n1\n']) } })).resolves.toMatchObject({ id: stagedImport.id });
    const invalid = await pa.applicationImports.upload({ applicationId: 'nope', files: {} }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(entry.InvalidArgumentError);
  });

  it('loads the redirect policy on the first redirect: follows one to the same host, refuses another host', async () => {
    const { entry, pa } = await client();
    await expect(pa.identities.get('moved')).resolves.toMatchObject({ id: sarahChen.id });
    const refused = await pa.identities.get('elsewhere').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(entry.RedirectError);
    expect((refused as Error).message).toContain('redirected to another host');
  });

  it('loads the note of a refused call when a server asks to come back', async () => {
    const { entry, pa } = await client();
    const refused = await pa.identities.get('busy').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(entry.ServerError);
    expect((refused as Error).message).toContain('the server refused (503) and asked to come back in 7 s; not tried again: no retries left');
  });
});
