// Webhooks: a receiver registered through the control plane gets the spec's webhook payload for each
// access request event that matches its filters; failed deliveries are retried a bounded number of
// times; the log shows every attempt and what the receiver posted back to the callback URL.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOperations } from '@permission-assist/spec-kit';
import type { RunningSandbox } from '../src/index.js';
import { client, contract, exampleId, post, raw, spec, start, TODAY } from './helpers/sandbox.js';

interface Received {
  body: any;
  headers: IncomingMessage['headers'];
}

let sandbox: RunningSandbox;
let receiver: Server;
let receiverUrl: string;
let received: Received[];
let answer: (n: number) => number;

beforeEach(async () => {
  received = [];
  answer = () => 200;
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c));
    req.on('end', () => {
      received.push({ body: JSON.parse(text), headers: req.headers });
      res.writeHead(answer(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  sandbox = await start({ webhooks: { retryDelays: [20, 40, 60] } });
});
afterEach(async () => {
  await sandbox.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const payloadErrors = (payload: unknown) => {
  const webhook = listOperations(spec).find((o) => o.operationId === 'receiveAccessRequestEvent')!;
  const matched = { ...webhook, template: webhook.path, pathParams: {} };
  return contract().checkRequest(matched, { body: payload, contentType: 'application/json' }).map((v) => v.message);
};

async function offboardSarah() {
  const pa = client(sandbox);
  const event = await pa.personnelEvents.createOffboard({ identityId: exampleId('IdentitySarahChen'), effectiveDate: TODAY });
  await post(sandbox, `/sandbox/personnel-events/${event.id}/approve`);
  return event;
}

describe('webhooks', () => {
  it('delivers the spec payload for every access request event, and logs the delivery', async () => {
    const registered = await post(sandbox, '/sandbox/webhooks', { url: receiverUrl });
    expect(registered.status).toBe(201);
    await offboardSarah();
    sandbox.clock.advance({ minutes: 5 });
    await sandbox.webhooksIdle();
    expect(received.length).toBeGreaterThan(0);
    for (const { body } of received) expect(payloadErrors(body)).toEqual([]);
    const names = new Set(received.map((r) => r.body.event.name));
    expect(names).toEqual(new Set(['AccessRequestCreated', 'AccessRequestResolved', 'AccessRequestCompleted']));
    const created = received.find((r) => r.body.event.name === 'AccessRequestCreated')!.body;
    expect(created.event).toMatchObject({ display: 'Access Request Created', request: { action: 'Remove', status: 'Open' } });
    expect(received[0]!.headers['content-type']).toBe('application/json');

    const log = (await raw(sandbox, '/sandbox/webhooks/deliveries')).body.items;
    expect(log).toHaveLength(received.length);
    expect(log.every((d: any) => d.state === 'delivered' && d.attempts.length === 1 && d.attempts[0].status === 200)).toBe(true);
  });

  it('filters by application and by event name', async () => {
    await post(sandbox, '/sandbox/webhooks', { url: receiverUrl, applicationId: exampleId('ApplicationActiveDirectory'), events: ['AccessRequestCompleted'] });
    await offboardSarah();
    sandbox.clock.advance({ minutes: 5 });
    await sandbox.webhooksIdle();
    expect(received.length).toBe(1);
    expect(received[0]!.body.event).toMatchObject({ name: 'AccessRequestCompleted', request: { target: { application: { name: 'Active Directory' } } } });
  });

  it('retries a failing receiver a bounded number of times, then marks the delivery failed', async () => {
    answer = () => 503;
    const { body: webhook } = await post(sandbox, '/sandbox/webhooks', { url: receiverUrl, events: ['AccessRequestCreated'] });
    await offboardSarah();
    await sandbox.webhooksIdle();
    const log = (await raw(sandbox, `/sandbox/webhooks/deliveries?webhookId=${webhook.id}`)).body.items;
    expect(log.length).toBeGreaterThan(0);
    for (const delivery of log) {
      expect(delivery.state).toBe('failed');
      expect(delivery.attempts.map((a: any) => a.status)).toEqual([503, 503, 503, 503]);
    }
    expect(received.length).toBe(log.length * 4);
  });

  it('records a receiver that cannot be reached, and one that answers after a retry', async () => {
    answer = (n) => (n === 1 ? 500 : 204);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await post(sandbox, '/sandbox/webhooks', { url: `http://127.0.0.1:${closedPort}/unreachable`, events: ['AccessRequestCreated'] });
    await post(sandbox, '/sandbox/webhooks', { url: receiverUrl, events: ['AccessRequestCreated'] });
    await offboardSarah();
    await sandbox.webhooksIdle();
    const log = (await raw(sandbox, '/sandbox/webhooks/deliveries')).body.items;
    const unreachable = log.filter((d: any) => d.payload && d.attempts.every((a: any) => a.status === null));
    expect(unreachable.length).toBeGreaterThan(0);
    expect(unreachable[0].attempts[0].error).toMatch(/ECONNREFUSED|connect/);
    expect(log.some((d: any) => d.state === 'delivered' && d.attempts.map((a: any) => a.status).join() === '500,204')).toBe(true);
  });

  it('keeps what a receiver posts back to the callback URL (no token needed)', async () => {
    await post(sandbox, '/sandbox/webhooks', { url: receiverUrl, events: ['AccessRequestCreated'] });
    await offboardSarah();
    await sandbox.webhooksIdle();
    const callback = received[0]!.body.callback as string;
    expect(callback).toMatch(new RegExp(`^${sandbox.url}/sandbox/webhooks/callback/`));
    const answered = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket: 'CHG-1' }) });
    expect(answered.status).toBe(202);
    const text = await fetch(callback, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'done' });
    expect(text.status).toBe(202);
    const delivery = (await raw(sandbox, '/sandbox/webhooks/deliveries')).body.items.find((d: any) => d.id === received[0]!.body.id);
    expect(delivery.callbacks.map((c: any) => c.body)).toEqual([{ ticket: 'CHG-1' }, 'done']);
    expect((await fetch(`${sandbox.url}/sandbox/webhooks/callback/9b2e4c6d-8f0a-4b1c-9d3e-5f7a9b1c3d5e`, { method: 'POST' })).status).toBe(404);
  });

  it('a removed receiver gets nothing more; registration errors name the field', async () => {
    const { body: webhook } = await post(sandbox, '/sandbox/webhooks', { url: receiverUrl });
    expect((await raw(sandbox, `/sandbox/webhooks/${webhook.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await raw(sandbox, `/sandbox/webhooks/${webhook.id}`, { method: 'DELETE' })).status).toBe(404);
    await offboardSarah();
    await sandbox.webhooksIdle();
    expect(received).toEqual([]);
    const bad = await post(sandbox, '/sandbox/webhooks', { url: 'ftp://example.com', events: ['Nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['url', 'events.0']);
  });
});
