// The main entry is for browsers too: web-standard APIs only, no node: import anywhere in its bundle.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the built main entry', () => {
  it('bundles for the browser with no node: import', async () => {
    const { build } = await import('esbuild');
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
    expect(code).toContain('createPermissionAssistClient');
  });
});
