// `npm start`'s server script: mock and docs up, both URLs and a curl call printed, Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

describe('npm start (scripts/start.mjs)', () => {
  it('serves the mock and the docs, prints a curl call, and stops both on SIGINT', async () => {
    const child = spawn('node', [script, '--mock-port', '0', '--docs-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => output, { timeout: 15_000 }).toContain('Ctrl-C stops both');
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
  });
});
