// What the mock ships with: its production dependencies (Prism's tree above all) carry no release
// with a known advisory that has a fixed release. The lockfile is what `npm ci` installs, so it is
// the thing to check (`npm audit` cannot reach its advisories endpoint from here).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package-lock.json', import.meta.url)), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>;
};

const versionsOf = (name: string) =>
  Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, entry]) => ({ path, version: entry.version ?? '' }));

const older = (version: string, than: string) => {
  const a = version.split('.').map(Number);
  const b = than.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

describe('dependencies', () => {
  it('no lodash older than 4.17.23 (CVE-2025-13465, prototype pollution) is installed, Prism\'s copies included', () => {
    const lodash = versionsOf('lodash');
    expect(lodash.length).toBeGreaterThan(0);
    expect(lodash.filter((entry) => older(entry.version, '4.17.23'))).toEqual([]);
  });
});
