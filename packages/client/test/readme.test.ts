// Every TypeScript example in README.md must type-check against the client's sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${packageDir}README.md`, 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README examples', () => {
  it('there are examples for quick start, pagination, errors, raw client, retries and uploads', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it('all type-check (strict) against the client', () => {
    const dir = `${packageDir}test/.readme-examples/`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    blocks.forEach((code, i) => writeFileSync(`${dir}example-${i + 1}.ts`, `${code}\nexport {};\n`));
    writeFileSync(
      `${dir}tsconfig.json`,
      JSON.stringify({
        extends: '../../../../tsconfig.base.json',
        compilerOptions: {
          noEmit: true,
          types: ['node'],
          paths: { '@permission-assist/client': ['../../src/index.ts'], '@permission-assist/client/node': ['../../src/node.ts'], '@permission-assist/client/raw': ['../../src/raw.ts'] },
        },
        include: ['*.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(`${packageDir}../../node_modules/.bin/tsc`, ['-p', dir], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    rmSync(dir, { recursive: true, force: true });
    expect(output).toBe('');
  });
});
