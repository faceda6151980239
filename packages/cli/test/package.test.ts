// The package as it is published and run: a bin that works without a terminal, the versions it
// prints, the fields a registry install needs, and where the token may come from.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { CLI_VERSION } from '../src/cli-version.js';
import { EXIT } from '../src/exit-codes.js';
import { SPEC_VERSION } from '../src/generated/spec-version.js';
import { installedClientVersion } from '../src/version.js';
import { bin, json, outputs, pa, TOKEN } from './helpers.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const clientManifest = JSON.parse(readFileSync(new URL('../../client/package.json', import.meta.url), 'utf8'));
let sandbox: RunningSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' });
  dir = mkdtempSync(join(tmpdir(), 'pa-cli-pkg-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the package', () => {
  it('is publishable: bin, files, exports, types, engines, and only public runtime dependencies', () => {
    expect(manifest.bin).toEqual({ pa: './bin/pa.cjs' });
    expect(manifest.files).toEqual(expect.arrayContaining(['bin', 'dist', 'README.md', 'LICENSE']));
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(manifest.engines.node).toBe('>=20.19');
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@permission-assist/'))).toEqual(['@permission-assist/client']);
    expect(clientManifest.private).toBeUndefined();
    for (const version of Object.values(manifest.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('pa --version names the CLI, client and spec versions', async () => {
    expect(CLI_VERSION).toBe(manifest.version);
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(stdout).toBe(`pa ${manifest.version} (client ${clientManifest.version}, spec ${SPEC_VERSION}, node ${process.versions.node})\n`);
  });

  it('pa --version reads the client from the nearest node_modules above pa, as npm lays out an install (nested copy first)', () => {
    const project = join(dir, 'project');
    const client = (root: string, version: string) => {
      mkdirSync(join(root, 'node_modules/@permission-assist/client'), { recursive: true });
      writeFileSync(join(root, 'node_modules/@permission-assist/client/package.json'), JSON.stringify({ name: '@permission-assist/client', version }));
    };
    const paDist = join(project, 'node_modules/@permission-assist/cli/dist');
    mkdirSync(paDist, { recursive: true });
    expect(installedClientVersion(paDist)).toBe('unknown');
    client(project, '2.3.4');
    expect(installedClientVersion(paDist)).toBe('2.3.4');
    client(join(project, 'node_modules/@permission-assist/cli'), '3.0.0');
    expect(installedClientVersion(paDist)).toBe('3.0.0');
  });

  it('as a process without a terminal it writes JSON, and --help exits 0', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [bin, 'identities', 'list', '-q', 'page'], { env: { PATH: process.env.PATH, PA_BASE_URL: sandbox.url, PA_TOKEN: TOKEN } });
    expect(JSON.parse(stdout)).toBe(1);
    expect((await run(process.execPath, [bin, '--help'])).stdout).toContain('Usage: pa');
  });
});

describe('the token', () => {
  const env = () => ({ PA_BASE_URL: sandbox.url, PA_TOKEN: undefined });
  it('comes from --token-file (first line) or --token-stdin', async () => {
    writeFileSync(join(dir, 'token'), `${TOKEN}\n# a comment line\n`);
    expect(json(await pa(['identities', 'list', '--token-file', join(dir, 'token'), '-q', 'page'], { env: env() }))).toBe(1);
    expect(json(await pa(['identities', 'list', '--token-stdin', '-q', 'page'], { env: env(), stdin: `${TOKEN}\n` }))).toBe(1);
  });

  it('no flag takes the token itself, and a bad source is a usage error that names it', async () => {
    expect((await pa(['identities', 'list', '--token', TOKEN], { env: env() })).code).toBe(EXIT.usage);
    const missing = await pa(['identities', 'list', '--token-file', join(dir, 'nope')], { env: env() });
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('no such file');
    expect((await pa(['identities', 'list', '--token-file', join(dir, 'token'), '--token-stdin'], { env: env() })).code).toBe(EXIT.usage);
    const both = await pa(['events', 'onboard', '--data', '-', '--token-stdin'], { env: env(), stdin: TOKEN });
    expect(both.code).toBe(EXIT.usage);
    expect(both.stderr).toContain('--data - and --token-stdin both read standard input');
  });

  it('is redacted from --verbose, --dry-run and errors, whichever source it came from', async () => {
    const verbose = await pa(['identities', 'get', '00000000-0000-4000-8000-000000000000', '--verbose', '--token-file', join(dir, 'token'), '-o', 'json'], { env: env() });
    expect(verbose.code).toBe(EXIT.notFound);
    expect(verbose.stderr).toContain('Bearer [redacted]');
    const dry = await pa(['identities', 'list', '--dry-run', '--token-stdin'], { env: env(), stdin: TOKEN });
    expect(json(dry).headers.authorization).toBe('Bearer [redacted]');
    // The mistake a user makes: the token pasted as an argument is not echoed back either.
    const pasted = await pa(['identities', 'get', TOKEN, '--token-stdin'], { env: env(), stdin: TOKEN });
    expect(pasted.stderr).toMatch(/\[redacted\]/i);
    expect(outputs.filter((text) => text.includes(TOKEN))).toEqual([]);
  });
});
