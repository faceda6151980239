// Prism is an optional dependency of the mock: with it, `pa-mock --static` serves the spec's
// examples; without it (npm install --omit=optional) the sandbox still works and --static says
// which packages to install. Both installs' sizes are printed for the README.
//
// packed.test.ts runs these with the tarballs it packed: without Prism is its own fresh project of
// the mock (installed with --omit=optional), with Prism one more install of the same tarballs, so
// neither the packing nor the lean install is done twice.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, sum } from './budget.js';
import { run } from './run.js';
import type { ShippedPackage } from './shipped.js';

/** Installs the tarballs with their optional dependencies (Prism) into a new project. */
export async function installWithPrism(project: string, tarballs: string[]): Promise<void> {
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs], { cwd: project, timeoutMs: BUDGET.install });
}

/** Kilobytes under node_modules, as `du -sk` counts them. */
async function installedKiB(project: string): Promise<number> {
  const { stdout } = await run('du', ['-sk', join(project, 'node_modules')], { cwd: project, timeoutMs: BUDGET.node });
  return Number(stdout.split('\t')[0]);
}

/**
 * Kilobytes of what installing `roots` alone puts under node_modules: the folders of the packages
 * they need, directly or not (the installed tree, as npm's own record of it says), summed by one
 * du, which counts a file once however many of the folders hold it.
 */
async function neededKiB(project: string, roots: string[]): Promise<number> {
  const lock = JSON.parse(readFileSync(join(project, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  // Node's lookup: the package's own node_modules, then each one above it.
  const locate = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir) return undefined;
    }
  };
  const needed = new Set<string>();
  const visit = (path: string | undefined) => {
    if (!path || needed.has(path)) return;
    needed.add(path);
    for (const name of Object.keys(lock.packages[path]!.dependencies ?? {})) visit(locate(path, name));
  };
  for (const root of roots) visit(locate('', root));
  const { stdout } = await run('du', ['-sk', ...[...needed].sort()], { cwd: project, timeoutMs: BUDGET.node });
  return stdout.trim().split('\n').reduce((total, line) => total + Number(line.split('\t')[0]), 0);
}

/**
 * The tests, for the mock installed with Prism (`withPrism()`) and without (`withoutPrism()`: a
 * project installed with --omit=optional that may hold more than the mock, @types/node for the
 * type-checks: what the mock's own install would not have is left out of its size).
 */
export function describeMockPrism(mock: ShippedPackage, projects: { withPrism: () => Promise<string>; withoutPrism: () => Promise<string> }, budget: number) {
  let withPrism = '';
  let withoutPrism = '';

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
    beforeAll(async () => {
      [withPrism, withoutPrism] = await Promise.all([projects.withPrism(), projects.withoutPrism()]);
    }, budget);

    it('without Prism: nothing of Prism is installed, and it is the smaller install', async () => {
      for (const name of Object.keys(mock.manifest.optionalDependencies!)) {
        expect(existsSync(join(withPrism, 'node_modules', name)), `${name} with optional dependencies`).toBe(true);
        expect(existsSync(join(withoutPrism, 'node_modules', name)), `${name} with --omit=optional`).toBe(false);
      }
      // The project without Prism holds @types/node for the type-checks too: only what the mock needs counts.
      const [full, lean] = [await installedKiB(withPrism), await neededKiB(withoutPrism, [mock.name, ...mock.ownDependencies])];
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
}
