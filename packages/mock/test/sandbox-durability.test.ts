// --state's promise: a write the sandbox has answered survives a crash. The sandbox runs as a user
// runs it (pa-mock --state FILE), clients write concurrently, the process is killed with SIGKILL in
// the middle of the stream, and the restarted sandbox must hold every write that was answered 2xx,
// each with the id it was answered with. Twice in a row, so a recovered journal is recovered again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { budget } from './helpers/budget.js';

const bin = fileURLToPath(new URL('../bin/pa-mock.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pa-durable-'));
const TOKEN = 'Bearer pa_durability';
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts pa-mock on a free port; resolves with its URL once it listens. */
function start(stateFile: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [bin, '--port', '0', '--quiet', '--size', 'small', '--state', stateFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, exited });
    });
    void exited.then(() => reject(new Error(`pa-mock exited before listening:\n${output}`)));
  });
}

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: TOKEN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

interface Acknowledged {
  kind: 'personnel-events' | 'application-imports' | 'webhook';
  id: string;
}

/** Writers that post until the process dies; every 2xx answer is recorded. */
async function writeUntilKilled(url: string, applicationId: string, acknowledged: Acknowledged[], writers: number) {
  const today = new Date().toISOString().slice(0, 10);
  const writer = async (n: number) => {
    for (let i = 0; ; i += 1) {
      try {
        if (n === 0 && i % 5 === 0) {
          const { status, body } = await call(url, 'POST', '/api/application-imports/stage', { applicationId });
          if (status === 201) acknowledged.push({ kind: 'application-imports', id: body.id });
        } else if (n === 1 && i % 7 === 0) {
          const { status, body } = await call(url, 'POST', '/sandbox/webhooks', { url: `http://127.0.0.1:9/hook-${i}` });
          if (status === 201) acknowledged.push({ kind: 'webhook', id: body.id });
        } else {
          const { status, body } = await call(url, 'POST', '/api/personnel-events/onboard', { identity: { firstName: `W${n}`, lastName: `Writer${i}` }, effectiveDate: today });
          if (status === 201) acknowledged.push({ kind: 'personnel-events', id: body.id });
        }
      } catch {
        return; // the process is gone
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, n) => writer(n)));
}

describe('--state durability', () => {
  it('keeps every acknowledged write through kill -9, with the ids it was answered with', async () => {
    const stateFile = join(dir, 'killed.json');
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < 2; round += 1) {
      const { child, url, exited } = await start(stateFile);
      const connectors = await call(url, 'GET', '/sandbox/connectors');
      const staged = connectors.body.items.find((c: any) => c.importSchedule && !c.application.isArchived).application.id;
      const before = acknowledged.length;
      const writing = writeUntilKilled(url, staged, acknowledged, 8);
      // Kill in the middle of the stream: once this round has had a good number of writes answered.
      while (acknowledged.length < before + 150) await new Promise((resolve) => setTimeout(resolve, 5));
      child.kill('SIGKILL');
      await exited;
      children.delete(child);
      await writing;
    }

    const { url } = await start(stateFile);
    const webhooks = new Set((await call(url, 'GET', '/sandbox/webhooks')).body.items.map((w: any) => w.id));
    const missing: Acknowledged[] = [];
    for (const write of acknowledged) {
      if (write.kind === 'webhook') {
        if (!webhooks.has(write.id)) missing.push(write);
      } else if ((await call(url, 'GET', `/api/${write.kind}/${write.id}`)).status !== 200) missing.push(write);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
  }, budget(120_000));
});
