// The pa-mock command: the sandbox by default, --static, proxy; starts, answers, stops cleanly on
// SIGINT/SIGTERM, explains a taken port, a bad option and a state file it cannot read.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/pa-mock.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pa-mock-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Every started pa-mock is stopped when its test ends, also when the test failed before stopping it.
const running = new Set<ChildProcess>();
afterEach(async () => {
  const left = [...running].filter((child) => child.exitCode === null && child.signalCode === null);
  running.clear();
  await Promise.all(
    left.map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            resolve(undefined); // exited meanwhile
          }
        }),
    ),
  );
});

function start(args: string[]) {
  // Its own process group, so that clean-up reaches everything it started.
  const child = spawn('node', [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // The start-up line or the exit, however long the start takes here: the test's budget bounds it.
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    void exited.then(() => reject(new Error(`exited early: ${output}`)));
  });
  url.catch(() => undefined); // awaited by tests that expect a start; others expect an early exit
  return { child, url, exited, output: () => output };
}

async function stop(child: ChildProcess, exited: Promise<number | null>, signal: NodeJS.Signals) {
  child.kill(signal);
  return exited;
}

describe('pa-mock CLI', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves the sandbox (medium by default) and exits 0 on %s', async (signal) => {
    const mock = start(['--port', '0']);
    const url = await mock.url;
    const res = await fetch(`${url}/api/identities`, { headers: { Authorization: 'Bearer pa_cli' } });
    expect(res.status).toBe(200);
    expect((await res.json()).totalCount).toBeGreaterThanOrEqual(1200);
    expect(await stop(mock.child, mock.exited, signal)).toBe(0);
    expect(mock.output()).toMatch(/data: {2}seed 1, medium: [\d,]+ identities, 42 applications/);
    expect(mock.output()).toContain('GET    /api/identities -> 200');
    expect(mock.output()).toContain(`pa-mock: ${signal}, shutting down`);
  });

  it('--size, --seed, --clock-start and --frozen shape the sandbox', async () => {
    const mock = start(['--port', '0', '--quiet', '--size', 'small', '--seed', '9', '--clock-start', '2026-01-05T08:00:00Z', '--frozen']);
    const url = await mock.url;
    const info = await (await fetch(`${url}/sandbox`, { headers: { Authorization: 'Bearer pa_cli' } })).json();
    expect(info).toMatchObject({ seed: 9, size: 'small', clock: { now: '2026-01-05T08:00:00Z', frozen: true } });
    await stop(mock.child, mock.exited, 'SIGTERM');
  });

  it('--static serves the spec examples', async () => {
    const mock = start(['--static', '--port', '0', '--quiet']);
    const url = await mock.url;
    expect(mock.output()).toContain('static mock');
    const res = await fetch(`${url}/api/identities`, { headers: { Authorization: 'Bearer pa_cli' } });
    expect((await res.json()).totalCount).toBe(4);
    await stop(mock.child, mock.exited, 'SIGTERM');
  });

  it('--state keeps the data across restarts; a state file it cannot read stops it, untouched', async () => {
    const file = join(work, 'state.json');
    const first = start(['--port', '0', '--quiet', '--size', 'small', '--state', file]);
    const url = await first.url;
    const created = await (
      await fetch(`${url}/api/personnel-events/offboard`, {
        method: 'POST',
        headers: { Authorization: 'Bearer pa_cli', 'content-type': 'application/json' },
        body: JSON.stringify({ identityId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', effectiveDate: '2099-01-01' }),
      })
    ).json();
    expect(await stop(first.child, first.exited, 'SIGINT')).toBe(0);
    const second = start(['--port', '0', '--quiet', '--state', file]);
    const again = await fetch(`${await second.url}/api/personnel-events/${created.id}`, { headers: { Authorization: 'Bearer pa_cli' } });
    expect(again.status).toBe(200);
    await stop(second.child, second.exited, 'SIGTERM');

    writeFileSync(file, '{ not json');
    const broken = start(['--port', '0', '--state', file]);
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain(`pa-mock: state file ${file} is not valid JSON`);
    expect(broken.output()).toContain('It was left as it is');
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const first = start(['--port', '0', '--quiet', '--size', 'small']);
    const port = new URL(await first.url).port;
    const second = start(['--port', port, '--size', 'small']);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`pa-mock: port ${port} on 127.0.0.1 is already in use`);
    await stop(first.child, first.exited, 'SIGTERM');
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, got "abc"'],
    [['--size', 'huge'], '--size must be one of small, medium, large, got "huge"'],
    [['--seed', '1.5'], '--seed must be a whole number from 0 to 4294967295, got "1.5"'],
    [['--clock-start', 'yesterday'], '--clock-start must be a date and time such as 2026-11-24T09:00:00Z, got "yesterday"'],
    [['proxy'], "proxy needs the real server's URL"],
    [['serve'], 'unexpected arguments: serve'],
  ])('rejects %j with a clear message and exit 1', async (args, message) => {
    const bad = start(args);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain(message);
  });
});
