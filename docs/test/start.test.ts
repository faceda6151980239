// `npm start`'s server script: mock and docs up, both URLs and a curl call printed, Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

describe('npm start (scripts/start.mjs)', () => {
  it('serves the mock and the docs, prints a curl call, and stops both on SIGINT', async () => {
    // Its own process group, so that clean-up reaches everything it started.
    const child = spawn('node', [script, '--mock-port', '0', '--docs-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Runs when the test ends however it ends (a failed expectation, or vitest's timeout).
    onTestFinished(async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    });
    let output = '';
    // Wait for the banner or the exit, however long the start takes on this machine; the test's
    // own budget (vitest.shared.ts) bounds it.
    const banner = new Promise<void>((resolve, reject) => {
      const read = (d: Buffer) => {
        output += d;
        if (output.includes('Ctrl-C stops both')) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      void exited.then((code) => reject(new Error(`start.mjs exited (${code}) before its banner:\n${output}`)));
    });
    await banner;
    const mockUrl = /sandbox\s+(http:\/\/\S+)/.exec(output)![1]!;
    const docsUrl = /documentation\s+(http:\/\/\S+)/.exec(output)![1]!;
    expect(output).toContain(`curl -H 'Authorization: Bearer pa_test' '${mockUrl}/api/access-requests?status=open'`);
    const identities = await fetch(`${mockUrl}/api/identities`, { headers: { Authorization: 'Bearer pa_test' } });
    expect(identities.status).toBe(200);
    // The sandbox's medium data set, not the four example identities of --static.
    expect((await identities.json()).totalCount).toBeGreaterThanOrEqual(1200);
    const docs = await fetch(`${docsUrl}/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('Permission Assist API reference');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${mockUrl}/api/identities`)).rejects.toThrow();
    await expect(fetch(`${docsUrl}/`)).rejects.toThrow();
  });
});
