// The published package as users get it: packed, installed into a fresh project, type-checked and
// run (ESM and CommonJS) against a local server; publint and are-the-types-wrong must pass.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarahChen } from './helpers/fixtures.js';
import { json, startServer, type TestServer } from './helpers/server.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// Consumers run asynchronously: the test server lives in this process and must keep answering.
const run = async (file: string, args: string[], env: Record<string, string>) => (await promisify(execFile)(file, args, { env: { ...process.env, ...env }, encoding: 'utf8' })).stdout;
const bin = (name: string) => join(packageDir, '../../node_modules/.bin', name);
const work = mkdtempSync(join(tmpdir(), 'pa-client-pack-'));
let server: TestServer;
let tarball = '';

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.headers.authorization === 'Bearer pa_consumer' ? json(res, 200, sarahChen) : json(res, 401, { error: 'unauthorized', message: 'Invalid or expired authentication token', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }),
  );
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  const project = join(work, 'consumer');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project });
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('contains dist, README and LICENSE only (no sources, tests or maps of tests)', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/index.js');
    expect(listing).toContain('package/dist/index.cjs');
    expect(listing).toContain('package/dist/node.d.ts');
    expect(listing).toContain('package/README.md');
    expect(listing).toContain('package/LICENSE');
    expect(listing.filter((f) => /\/(src|test|scripts|bench)\//.test(f))).toEqual([]);
  });

  it('type-checks and runs an ESM consumer (strict TypeScript, NodeNext)', async () => {
    const project = join(work, 'consumer');
    writeFileSync(
      join(project, 'main.ts'),
      `import { createPermissionAssistClient, UnauthorizedError, type Identity } from '@permission-assist/client';
import { fileFromPath } from '@permission-assist/client/node';
declare const process: { env: Record<string, string | undefined>; stdout: { write(s: string): void } };
const pa = createPermissionAssistClient({ baseUrl: process.env.PA_BASE_URL!, token: 'pa_consumer' });
const identity: Identity = await pa.identities.get('${sarahChen.id}');
const denied = await createPermissionAssistClient({ baseUrl: process.env.PA_BASE_URL!, token: 'pa_wrong' }).identities.get('x').catch((e: unknown) => e);
process.stdout.write(JSON.stringify({ lastName: identity.lastName, denied: denied instanceof UnauthorizedError, fileFromPath: typeof fileFromPath }));
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, outDir: 'out' } }),
    );
    execFileSync(bin('tsc'), ['-p', project], { encoding: 'utf8' });
    const output = await run('node', [join(project, 'out/main.js')], { PA_BASE_URL: server.url });
    expect(JSON.parse(output)).toEqual({ lastName: 'Chen', denied: true, fileFromPath: 'function' });
  });

  it('runs a CommonJS consumer', async () => {
    const project = join(work, 'consumer');
    writeFileSync(
      join(project, 'main.cjs'),
      `const { createPermissionAssistClient } = require('@permission-assist/client');
createPermissionAssistClient({ baseUrl: process.env.PA_BASE_URL, token: 'pa_consumer' }).identities.get('x').then((i) => process.stdout.write(i.firstName));`,
    );
    const output = await run('node', [join(project, 'main.cjs')], { PA_BASE_URL: server.url });
    expect(output).toBe('Sarah');
  });

  it('every value the type declarations export exists at run time, in ESM and CommonJS', async () => {
    const ts = (await import('typescript')).default;
    const project = join(work, 'consumer');
    for (const entry of ['@permission-assist/client', '@permission-assist/client/node']) {
      const file = join(project, 'exports.ts');
      writeFileSync(file, `export * from '${entry}';\n`);
      const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
      const checker = program.getTypeChecker();
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      const values = checker
        .getExportsOfModule(symbol)
        .filter((s) => (checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value) !== 0)
        .map((s) => s.name)
        .sort();
      expect(values).toContain('operationTable');
      writeFileSync(join(project, 'keys.mjs'), `import * as m from '${entry}'; process.stdout.write(JSON.stringify(Object.keys(m)));`);
      writeFileSync(join(project, 'keys.cjs'), `process.stdout.write(JSON.stringify(Object.keys(require('${entry}'))));`);
      const esm = JSON.parse(await run('node', [join(project, 'keys.mjs')], {})) as string[];
      const cjs = JSON.parse(await run('node', [join(project, 'keys.cjs')], {})) as string[];
      expect(values.filter((name) => !esm.includes(name)), `${entry} (ESM)`).toEqual([]);
      expect(values.filter((name) => !cjs.includes(name)), `${entry} (CJS)`).toEqual([]);
    }
  });

  it('the main entry uses web-standard APIs only: it bundles for the browser with no node: import', async () => {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: [join(packageDir, 'dist/index.js')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
    expect(code).toContain('createPermissionAssistClient');
  });

  it('sends its own package version in the User-Agent', async () => {
    const { CLIENT_VERSION } = await import('../src/config.js');
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(CLIENT_VERSION).toBe(manifest.version);
  });

  it('passes publint', () => {
    const output = execFileSync(bin('publint'), ['--strict', packageDir], { encoding: 'utf8' });
    expect(output).toContain('All good!');
  });

  it('passes are-the-types-wrong for every entry and resolution mode', () => {
    let output = '';
    let code = 0;
    try {
      output = execFileSync(bin('attw'), [tarball, '--format', 'json'], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
      code = 1;
    }
    const report = JSON.parse(output);
    expect(Object.values(report.problems ?? {}).flat()).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toEqual(['.', './node', './raw', './package.json']);
    expect(code).toBe(0);
  });
});
