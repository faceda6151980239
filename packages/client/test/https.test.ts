// HTTPS through both transports: a certificate the runtime does not trust is a ConnectionError that
// names why; one it trusts (NODE_EXTRA_CA_CERTS, as for an on-premises CA) works, kept alive.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from '../src/index.js';
import { sarahChen, TOKEN } from './helpers/fixtures.js';
import { TRANSPORTS } from './helpers/transports.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-client-tls-'));
let server: Server;
let url = '';
const ports = new Set<number>();
beforeAll(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    ports.add(req.socket.remotePort ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sarahChen));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  try {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(TRANSPORTS)('$name transport over https', ({ create }) => {
  it('an untrusted certificate is a ConnectionError naming the reason', async () => {
    const error = await create({ baseUrl: url, token: TOKEN, retry: false }).identities.get(sarahChen.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/connection failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
  });
});

it('the Node transport trusts an extra CA (NODE_EXTRA_CA_CERTS) and keeps the connection alive', async () => {
  const script = `import { createPermissionAssistClient } from ${JSON.stringify(new URL('../src/node.ts', import.meta.url).pathname)};
const pa = createPermissionAssistClient({ baseUrl: ${JSON.stringify(url)}, token: 'pa_tls' });
const a = await pa.identities.get('x');
const b = await pa.identities.get('x');
process.stdout.write(a.lastName + b.lastName);`;
  const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
  const before = ports.size;
  const { stdout } = await promisify(execFile)(tsx, ['--input-type=module', '-e', script], { timeout: 60_000, env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') } });
  expect(stdout).toBe('ChenChen');
  expect(ports.size - before).toBe(1);
});
