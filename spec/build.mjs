// Writes dist/openapi.json (YAML aliases expanded) and dist/openapi.yaml: the downloadable spec the
// docs site links to, and a JSON form for tools that prefer it.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadSpec, specPath } from './load.js';

const dist = new URL('./dist/', import.meta.url);
mkdirSync(dist, { recursive: true });
writeFileSync(new URL('openapi.json', dist), `${JSON.stringify(loadSpec(), null, 2)}\n`);
copyFileSync(specPath, new URL('openapi.yaml', dist));
console.log('spec: wrote dist/openapi.json and dist/openapi.yaml');
