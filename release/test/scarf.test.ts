// Spectral pulls in @scarf/scarf, whose postinstall reports installs. npm 11 skips it through
// `allowScripts`; npm 10 runs it, and Scarf then reads the root project's `scarfSettings`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/shipped.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scarfSettings?: { enabled?: boolean }; allowScripts?: Record<string, boolean> };

describe("Scarf's install analytics", () => {
  it('are off both ways: allowScripts for npm 11, scarfSettings for npm 10', () => {
    expect(manifest.allowScripts?.['@scarf/scarf']).toBe(false);
    expect(manifest.scarfSettings?.enabled).toBe(false);
  });

  it('the installed Scarf still opts out on exactly that setting of the root package', () => {
    const report = readFileSync(join(repoRoot, 'node_modules/@scarf/scarf/report.js'), 'utf8');
    expect(report).toContain('process.env.INIT_CWD');
    expect(report).toMatch(/rootPackage\.scarfSettings\.enabled === false/);
  });
});
