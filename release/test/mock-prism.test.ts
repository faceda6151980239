// Prism is an optional dependency of the mock: with it, `pa-mock --static` serves the spec's
// examples; without it (npm install --omit=optional) the sandbox still works and --static says
// which packages to install. Both installs' sizes are printed for the README.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, sum } from './helpers/budget.js';
import { run } from './helpers/run.js';
import { repoRoot, shippedPackages } from './helpers/shipped.js';

const mock = shippedPackages().find((p) => p.name === '@permission-assist/mock')!;
const work = mkdtempSync(join(tmpdir(), 'pa-mock-prism-'));
const withPrism = join(work, 'with-prism');
const withoutPrism = join(work, 'without-prism');

/** Kilobytes under node_modules, as `du -sk` counts them. */
async function installedKiB(project: string): Promise<number> {
  const { stdout } = await run('du', ['-sk', join(project, 'node_modules')], { cwd: project, timeoutMs: BUDGET.node });
  return Number(stdout.split('\t')[0]);
}

beforeAll(async () => {
  const tarballs: string[] = [];
  for (const name of [mock.name, ...mock.ownDependencies]) {
    const dir = join(repoRoot, 'packages', name.replace('@permission-assist/', ''));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: dir, timeoutMs: BUDGET.pack });
    tarballs.push(join(work, (JSON.parse(stdout) as [{ filename: string }])[0].filename));
  }
  for (const [project, extra] of [[withPrism, []], [withoutPrism, ['--omit=optional']]] as const) {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...extra, ...tarballs], { cwd: project, timeoutMs: BUDGET.install });
  }
}, sum(BUDGET.pack, BUDGET.pack, BUDGET.install, BUDGET.install));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts pa-mock in a project; resolves with its URL once it says where it listens. Always stopped by the caller. */
function startBin(project: string, args: string[]) {
  const child = spawn(join(project, 'node_modules/.bin/pa-mock'), ['--port', '0', '--quiet', ...args], { cwd: project });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    void exited.then((code) => reject(new Error(`pa-mock exited with ${code}: ${output}`)));
  });
  return { listening, exited, output: () => output, stop: async () => (child.exitCode === null && child.signalCode === null ? (child.kill('SIGTERM'), await exited) : undefined) };
}

describe('the mock with and without its optional Prism', () => {
  it('without Prism: nothing of Prism is installed, and it is the smaller install', async () => {
    for (const name of Object.keys(mock.manifest.optionalDependencies!)) {
      expect(existsSync(join(withPrism, 'node_modules', name)), `${name} with optional dependencies`).toBe(true);
      expect(existsSync(join(withoutPrism, 'node_modules', name)), `${name} with --omit=optional`).toBe(false);
    }
    const [full, lean] = [await installedKiB(withPrism), await installedKiB(withoutPrism)];
    console.log(`mock installed size: ${(full / 1024).toFixed(1)} MiB with Prism, ${(lean / 1024).toFixed(1)} MiB without (--omit=optional)`);
    expect(lean).toBeLessThan(full);
  }, sum(BUDGET.node, BUDGET.node));

  it('without Prism: the sandbox serves, and --static names the packages to install', async () => {
    const sandbox = startBin(withoutPrism, ['--size', 'small']);
    try {
      const url = await sandbox.listening;
      expect((await fetch(`${url}/api/identities?pageSize=1`, { headers: { authorization: 'Bearer pa_x' } })).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
    const result = await run(join(withoutPrism, 'node_modules/.bin/pa-mock'), ['--static', '--port', '0'], { cwd: withoutPrism, timeoutMs: BUDGET.node, allowFailure: true });
    expect(result.code).toBe(1);
    const optional = mock.manifest.optionalDependencies!;
    expect(result.stderr).toContain('Prism, which is not installed');
    for (const [name, version] of Object.entries(optional)) expect(result.stderr).toContain(`${name}@${version}`);
  }, sum(BUDGET.server, BUDGET.node));

  it('with Prism: --static serves the spec\'s examples', async () => {
    const server = startBin(withPrism, ['--static']);
    try {
      const url = await server.listening;
      const res = await fetch(`${url}/api/applications/b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e`, { headers: { authorization: 'Bearer pa_x' } });
      expect(((await res.json()) as { name: string }).name).toBe('Jack Henry Symitar');
    } finally {
      await server.stop();
    }
  }, BUDGET.server);
});
