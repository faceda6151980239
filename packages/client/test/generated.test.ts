// src/generated/ is committed for review; it must be exactly what the spec generates.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const check = (...args: string[]) => spawnSync('node', ['scripts/generate.mjs', '--check', ...args], { cwd: packageDir, encoding: 'utf8' });

describe('generated sources', () => {
  it('match what spec/openapi.yaml generates', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a hand edit is detected', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pa-generated-'));
    cpSync(join(packageDir, 'src/generated'), copy, { recursive: true });
    appendFileSync(join(copy, 'operations.ts'), '// edited by hand\n');
    const result = check('--out', copy);
    rmSync(copy, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('operations.ts differ from spec/openapi.yaml');
  });

  it('are marked as generated', () => {
    for (const file of ['schema.ts', 'operations.ts']) {
      const text = readFileSync(join(packageDir, 'src/generated', file), 'utf8');
      expect(text.startsWith('// generated — do not edit.')).toBe(true);
    }
  });
});
