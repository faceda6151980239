// `pa --version`: the CLI's version, the client it runs on (read from the installed package, which
// may be newer than the one pa was built with) and the spec it was generated from.
import { createRequire } from 'node:module';
import { CLI_VERSION } from './cli-version.js';
import { SPEC_VERSION } from './generated/spec-version.js';

export function versionLine(): string {
  let client = 'unknown';
  try {
    client = (createRequire(import.meta.url)('@permission-assist/client/package.json') as { version: string }).version;
  } catch {
    // an install without the client's package.json export still prints the rest
  }
  return `pa ${CLI_VERSION} (client ${client}, spec ${SPEC_VERSION}, node ${process.versions.node})\n`;
}
