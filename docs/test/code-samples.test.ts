// The generated code samples: one curl and one TypeScript sample per operation, and every
// TypeScript sample type-checks against the client (so a spec change cannot leave them wrong).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@permission-assist/spec-kit';
// @ts-expect-error -- plain ESM module
import { codeSamples } from '../code-samples.mjs';

const spec = loadSpec();
const operations = listOperations(spec).filter((op) => op.section === 'paths');
type Sample = { lang: string; label: string; source: string };
const samples = new Map<string, Sample[]>(operations.map((op) => [op.operationId, codeSamples(spec, op) as Sample[]]));

describe('code samples', () => {
  it('every operation has a curl and a TypeScript sample', () => {
    expect(samples.size).toBe(17);
    for (const [operationId, list] of samples) expect(list.map((s) => s.label), operationId).toEqual(['curl', 'TypeScript']);
  });

  it('curl samples use the operation method, path, token header and example body', () => {
    expect(samples.get('createOffboardEvent')![0]!.source).toBe(
      [
        "curl -X POST 'https://pa.example.com/api/personnel-events/offboard'",
        "  -H 'Authorization: Bearer pa_...'",
        "  -H 'Content-Type: application/json'",
        `  -d '{"identityId":"d4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b","effectiveDate":"2026-04-15T00:00:00Z","comment":"Last day in office is April 14. Collect badge and laptop."}'`,
      ].join(' \\\n'),
    );
    expect(samples.get('getIdentity')![0]!.source).toContain("curl -X GET 'https://pa.example.com/api/identities/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b'");
    expect(samples.get('uploadApplicationImport')![0]!.source).toContain("-F 'a1b2c3d4-0000-0000-0000-000000000001=@./a1b2c3d4-0000-0000-0000-000000000001.csv'");
  });

  it('every TypeScript sample type-checks (strict) against @permission-assist/client', () => {
    const dir = fileURLToPath(new URL('./.samples/', import.meta.url));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [operationId, list] of samples) writeFileSync(`${dir}${operationId}.ts`, `${list[1]!.source}export {};\n`);
    writeFileSync(
      `${dir}tsconfig.json`,
      JSON.stringify({
        extends: '../../../tsconfig.base.json',
        compilerOptions: {
          noEmit: true,
          types: ['node'],
          typeRoots: ['../../../node_modules/@types'],
          paths: { '@permission-assist/client': ['../../../packages/client/src/index.ts'], '@permission-assist/client/node': ['../../../packages/client/src/node.ts'] },
        },
        include: ['*.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(fileURLToPath(new URL('../../node_modules/.bin/tsc', import.meta.url)), ['-p', dir], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    rmSync(dir, { recursive: true, force: true });
    expect(output).toBe('');
  });
});
