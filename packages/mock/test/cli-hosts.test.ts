// pa-mock --allow-host: the names a user adds are answered, others are refused, in every mode.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/pa-mock.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    // Gone already (an exit code, or killed by a signal): its exit event has fired and will not again.
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

function start(args: string[]): Promise<string> {
  const child = spawn('node', [bin, '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d;
      const url = /(?:listening on|against the spec at) (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.once('exit', () => reject(new Error(`exited early: ${output}`)));
  });
}

function statusFor(url: string, host: string): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/identities', headers: { host, authorization: 'Bearer pa_cli' } }, (res) => (res.resume(), resolve(res.statusCode!)));
    req.on('error', reject);
    req.end();
  });
}

describe('pa-mock --allow-host', () => {
  it.each([
    ['the sandbox', ['--size', 'small']],
    ['--static', ['--static']],
  ])('%s answers the names given and refuses others with 403', async (_mode, args) => {
    const url = await start([...args, '--allow-host', 'sandbox.test', '--allow-host', 'pa.internal']);
    expect(await statusFor(url, 'sandbox.test:4010')).toBe(200);
    expect(await statusFor(url, 'pa.internal')).toBe(200);
    expect(await statusFor(url, 'localhost:4010')).toBe(200);
    expect(await statusFor(url, 'rebound.example')).toBe(403);
  });
});
