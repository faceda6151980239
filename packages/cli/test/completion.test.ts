// Shell completion: the scripts for bash, zsh and PowerShell, and the candidates pa offers.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pa } from './helpers.js';

const candidates = async (...words: string[]) => (await pa(['__complete', ...words])).stdout.trim().split('\n').filter(Boolean);

describe('completion', () => {
  it('offers resources, actions, flags and allowed values from the spec', async () => {
    expect(await candidates('')).toEqual(expect.arrayContaining(['identities', 'personnel-events', 'imports', 'api', 'listen', 'sandbox', 'completion']));
    expect(await candidates('imports', '')).toEqual(['list', 'get', 'stage', 'upload', 'cancel', 'wait']);
    expect(await candidates('access-requests', 'list', '--s')).toEqual(['--status']);
    expect(await candidates('access-requests', 'list', '--type', '')).toEqual(['Add', 'Change', 'Remove', 'Suspend', 'Restore']);
    expect(await candidates('--output', 'n')).toEqual(['ndjson']);
    expect(await candidates('imports', 'wait', 'x', '--until', 'F')).toEqual(['Finished', 'Failed']);
  });

  it.each(['bash', 'zsh', 'powershell'])('%s: a script that asks pa __complete', async (shell) => {
    const result = await pa(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('pa __complete');
  });

  it('the bash script is valid bash, and completes through it', async () => {
    const script = (await pa(['completion', 'bash'])).stdout;
    execFileSync('bash', ['-n'], { input: script });
    expect((await pa(['completion', 'fish'])).code).toBe(2);
  });
});
