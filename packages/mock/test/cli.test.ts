// The pa-mock command: starts, answers, stops cleanly on SIGINT/SIGTERM, explains a taken port.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/pa-mock.js', import.meta.url));

function start(args: string[]) {
  const child = spawn('node', [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 15_000);
    child.stdout.on('data', () => {
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
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
  it.each(['SIGINT', 'SIGTERM'] as const)('serves the mock and exits 0 on %s', async (signal) => {
    const mock = start(['--port', '0']);
    const url = await mock.url;
    const res = await fetch(`${url}/api/identities`, { headers: { Authorization: 'Bearer pa_cli' } });
    expect(res.status).toBe(200);
    expect(await stop(mock.child, mock.exited, signal)).toBe(0);
    expect(mock.output()).toContain('GET   /api/identities -> 200');
    expect(mock.output()).toContain(`pa-mock: ${signal}, shutting down`);
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const first = start(['--port', '0', '--quiet']);
    const port = new URL(await first.url).port;
    const second = start(['--port', port]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`pa-mock: port ${port} on 127.0.0.1 is already in use`);
    await stop(first.child, first.exited, 'SIGTERM');
  });

  it('rejects bad arguments with usage', async () => {
    const bad = start(['--port', 'abc']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('--port must be a whole number from 0 to 65535, got "abc"');
    const noUpstream = start(['proxy']);
    expect(await noUpstream.exited).toBe(1);
    expect(noUpstream.output()).toContain("proxy needs the real server's URL");
  });
});
