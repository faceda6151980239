// The packages this repository ships: every package under packages/ that is not private, found
// afresh on each run, so a new package is packed, installed and checked like the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: string | Record<string, string>;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface ShippedPackage {
  name: string;
  dir: string;
  manifest: Manifest;
  /** Bin names. */
  bins: string[];
  /** Import specifiers of every JavaScript entry with types (`@permission-assist/client/node`). */
  entries: string[];
  /** Whether the package has a CommonJS (`require`) entry as well. */
  dual: boolean;
  /** Our own packages it depends on, directly or through one another. */
  ownDependencies: string[];
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

const hasTypes = (target: unknown): boolean =>
  typeof target === 'object' && target !== null && Object.entries(target).some(([key, value]) => key === 'types' || hasTypes(value));
const hasRequire = (target: unknown): boolean =>
  typeof target === 'object' && target !== null && Object.entries(target).some(([key, value]) => key === 'require' || hasRequire(value));

export function shippedPackages(): ShippedPackage[] {
  const packagesDir = join(repoRoot, 'packages');
  const all = readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readManifest(dir) }));
  const byName = new Map(all.map((p) => [p.manifest.name, p]));
  const own = (name: string, seen = new Set<string>()): string[] => {
    const manifest = byName.get(name)?.manifest;
    for (const dep of Object.keys({ ...manifest?.dependencies, ...manifest?.optionalDependencies })) {
      if (byName.has(dep) && !seen.has(dep)) {
        seen.add(dep);
        own(dep, seen);
      }
    }
    return [...seen];
  };
  return all
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => {
      const exportsMap = manifest.exports ?? {};
      const entries = Object.entries(exportsMap)
        .filter(([, target]) => hasTypes(target))
        .map(([subpath]) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
      const bins = typeof manifest.bin === 'string' ? [manifest.name.split('/').pop()!] : Object.keys(manifest.bin ?? {});
      return { name: manifest.name, dir, manifest, bins, entries, dual: Object.values(exportsMap).some(hasRequire), ownDependencies: own(manifest.name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
