// Copies the API description and the sandbox's from spec/ (their one source) into openapi/, where
// the loader finds them beside itself, and writes openapi.json (YAML aliases expanded) for tools
// that prefer JSON. The published package carries them, so it needs nothing from this repository.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const source = new URL('../../../spec/', import.meta.url);
const target = new URL('../openapi/', import.meta.url);
mkdirSync(target, { recursive: true });
for (const file of ['openapi.yaml', 'sandbox.yaml']) copyFileSync(new URL(file, source), new URL(file, target));
const document = parse(readFileSync(new URL('openapi.yaml', source), 'utf8'), { maxAliasCount: 1000 });
writeFileSync(new URL('openapi.json', target), `${JSON.stringify(document, null, 2)}\n`);
console.log('spec-kit: copied openapi.yaml and sandbox.yaml, wrote openapi.json');
