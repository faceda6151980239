// pa listen: against the sandbox it registers itself, prints real deliveries and removes its
// registration when it stops; every delivery is validated against the spec's webhook schema, and
// --forward-to relays it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { loadSpec } from '@permission-assist/spec-kit';
import { EXIT } from '../src/exit-codes.js';
import { json, outputs, pa, spawnPa, TOKEN } from './helpers.js';

let sandbox: RunningSandbox;
let env: Record<string, string>;
let app: Server;
let appUrl: string;
const relayed: { body: string; type: string | undefined }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  env = { PA_BASE_URL: sandbox.url };
  app = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      relayed.push({ body, type: req.headers['content-type'] });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await sandbox?.close();
  app?.closeAllConnections();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
});

const listenUrl = (stderr: string) => /listening on (http:\/\/\S+)/.exec(stderr)![1]!;
// Read loosely: the webhook's first request example, as the spec writes it.
const spec = loadSpec() as unknown as { webhooks: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> } } }> };
const example = () => structuredClone(Object.values(spec.webhooks.accessRequestEvent!.post.requestBody.content['application/json']!.examples)[0]!.value);

describe('pa listen', () => {
  it('registers with the sandbox, prints a real delivery as one JSON line, and unregisters when done', async () => {
    const listener = spawnPa(['listen', '--count', '1'], env);
    try {
      const stderr = await listener.stderrMatching(/registered with the sandbox as webhook [0-9a-f-]+/);
      const url = listenUrl(stderr);
      expect(json(await pa(['sandbox', 'webhooks'], { env })).items.map((w: { url: string }) => w.url)).toEqual([url]);
      // Approving an offboarding event creates its access requests, and each is announced.
      const identityId = json<string>(await pa(['identities', 'list', '-q', "items[?status=='Active'].id | [0]"], { env }));
      const event = json(await pa(['events', 'offboard', '--identity-id', identityId, '--effective-date', sandbox.clock.now().toISOString().slice(0, 10)], { env }));
      expect((await pa(['sandbox', 'approve', event.id], { env })).code).toBe(EXIT.ok);
      const result = await listener.result;
      expect(result.code).toBe(EXIT.ok);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const delivery = JSON.parse(lines[0]!);
      expect(delivery.event.name).toBe('AccessRequestCreated');
      expect(delivery.event.request.id).toEqual(expect.any(String));
      expect(result.stderr).toContain('stopped after 1 deliveries');
      expect(json(await pa(['sandbox', 'webhooks'], { env })).items).toEqual([]);
    } finally {
      listener.child.kill();
    }
  });

  it('refuses a delivery that does not match the webhook schema, and relays valid ones with --forward-to', async () => {
    const listener = spawnPa(['listen', '--no-register', '--forward-to', appUrl, '--count', '1'], {});
    try {
      const url = listenUrl(await listener.stderrMatching(/listening on /));
      const invalid = { ...example(), createdDate: 'yesterday' };
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invalid) });
      expect(refused.status).toBe(400);
      expect((await refused.json()).errors.join(' ')).toContain('/createdDate');
      expect((await fetch(url, { method: 'POST', body: 'not json' })).status).toBe(400);
      expect((await fetch(url)).status).toBe(405);
      const valid = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example()) });
      expect(valid.status).toBe(202);
      const result = await listener.result;
      expect(result.code).toBe(EXIT.ok);
      expect(JSON.parse(result.stdout)).toEqual(example());
      expect(result.stderr).toMatch(/does not match the spec's webhook payload: \/createdDate/);
      expect(relayed).toHaveLength(1);
      expect(JSON.parse(relayed[0]!.body)).toEqual(example());
      expect(relayed[0]!.type).toBe('application/json');
    } finally {
      listener.child.kill();
    }
  });

  it('a registration that fails closes the receiver and ends the command with the error', async () => {
    // A port nothing listens on: the registration cannot connect.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const listener = spawnPa(['listen', '--count', '1'], { PA_BASE_URL: `http://127.0.0.1:${port}` });
    try {
      const url = listenUrl(await listener.stderrMatching(/listening on /));
      const result = await listener.result;
      expect(result.code).toBe(EXIT.unavailable);
      expect(result.stderr).toContain('connection failed (ECONNREFUSED)');
      expect(await fetch(url, { method: 'POST', body: '{}' }).then(() => 'answered', () => 'closed')).toBe('closed');
    } finally {
      listener.child.kill();
    }
  });

  it('a bad --forward-to or --port is a usage error', async () => {
    expect((await pa(['listen', '--forward-to', 'ftp://x'])).code).toBe(EXIT.usage);
    expect((await pa(['listen', '--port', '70000'])).code).toBe(EXIT.usage);
  });

  it('the token is in no output of this file', () => {
    expect(outputs.filter((text) => text.includes(TOKEN))).toEqual([]);
  });
});
