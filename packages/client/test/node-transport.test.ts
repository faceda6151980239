// What the Node entry's own transport adds over fetch: it is the one used, connections are kept
// alive and reused, compressed answers are unpacked, and an idle kept-alive connection does not keep
// a script's process running.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPermissionAssistClient } from '../src/node.js';
import { sarahChen, TOKEN } from './helpers/fixtures.js';
import { json, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
const ports: number[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    const body = Buffer.from(JSON.stringify(sarahChen));
    if (req.url?.endsWith('/gzip')) res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(body));
    else if (req.url?.endsWith('/deflate')) res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' }).end(deflateSync(body));
    // Two codings, applied in the order listed: unpacked last first.
    else if (req.url?.endsWith('/gzip-br')) res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip, br' }).end(brotliCompressSync(gzipSync(body)));
    else if (req.url?.endsWith('/br')) res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' }).end(brotliCompressSync(body));
    else json(res, 200, sarahChen);
  });
});
afterAll(() => server.close());

const pa = () => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN });

describe('the Node transport', () => {
  it('sends through node:http, not the global fetch, unless a fetch is passed', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      await pa().identities.get(sarahChen.id);
      expect(spy).not.toHaveBeenCalled();
      await createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, fetch: globalThis.fetch }).identities.get(sarahChen.id);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps the connection alive: sequential calls use one connection', async () => {
    const client = pa();
    const before = ports.length;
    for (let i = 0; i < 5; i += 1) await client.identities.get(sarahChen.id);
    expect(new Set(ports.slice(before)).size).toBe(1);
  });

  it.each(['gzip', 'deflate', 'br', 'gzip-br'])('unpacks a %s answer (and asks for compression as fetch does)', async (coding) => {
    await expect(pa().identities.get(coding)).resolves.toEqual(sarahChen);
    expect(server.requests.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('headers of a successful call are there when asked for', async () => {
    const { headers } = await pa().identities.get(sarahChen.id).withResponse();
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('an idle kept-alive connection does not keep the process alive', async () => {
    // The script lists what keeps its event loop running once the call is done: a ref'd socket would show as TCPSocketWrap, a ref'd timer as Timeout.
    const script = `import { createPermissionAssistClient } from ${JSON.stringify(new URL('../src/node.ts', import.meta.url).pathname)};
const pa = createPermissionAssistClient({ baseUrl: ${JSON.stringify(server.url)}, token: 'pa_exit' });
await pa.identities.get('x');
setImmediate(() => process.stdout.write(JSON.stringify(process.getActiveResourcesInfo())));`;
    const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(tsx, ['--input-type=module', '-e', script], { timeout: 60_000 });
    expect(JSON.parse(stdout)).not.toContain('TCPSocketWrap');
    // Nor does the timer that watches the calls' deadlines (30 s by default).
    expect(JSON.parse(stdout)).not.toContain('Timeout');
  });
});
