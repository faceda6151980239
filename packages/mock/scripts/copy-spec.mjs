// Copies the API description and the sandbox's into dist/, where the bundled spec loader looks for
// them (next to itself), so the published package needs no other Permission Assist package.
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const spec = fileURLToPath(new URL('../../../spec/', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
for (const file of ['openapi.yaml', 'sandbox.yaml']) copyFileSync(`${spec}${file}`, `${dist}${file}`);
console.log('mock: copied openapi.yaml and sandbox.yaml into dist/');
