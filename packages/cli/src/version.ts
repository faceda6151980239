// `pa --version`: the CLI's version, the client it runs on (read from the installed package, which
// may be newer than the one pa was built with) and the spec it was generated from.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_VERSION } from './cli-version.js';
import { SPEC_VERSION } from './generated/spec-version.js';

/**
 * The version in the client's package.json, found where Node would find the package: in the
 * node_modules folder nearest above `from` (this file's folder) that holds it. Read directly rather
 * than through require('@permission-assist/client/package.json'): resolving a package's `exports`
 * makes Node load its module resolver first, about a tenth of pa --version's start-up.
 */
export function installedClientVersion(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const { version } = JSON.parse(readFileSync(join(dir, 'node_modules', '@permission-assist', 'client', 'package.json'), 'utf8')) as { version?: unknown };
      if (typeof version === 'string') return version;
    } catch {
      // not in this folder's node_modules (or unreadable): look one folder up
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

export function versionLine(): string {
  return `pa ${CLI_VERSION} (client ${installedClientVersion()}, spec ${SPEC_VERSION}, node ${process.versions.node})\n`;
}
