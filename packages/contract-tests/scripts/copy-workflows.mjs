// Copies the business workflows from spec/workflows (their one source) into workflows/, so the
// published package runs `pa-contract --workflows` with nothing from this repository; their source
// descriptions are found in @permission-assist/spec-kit at run time.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const source = new URL('../../../spec/workflows/', import.meta.url);
const target = new URL('../workflows/', import.meta.url);
mkdirSync(target, { recursive: true });
const files = readdirSync(source).filter((f) => f.endsWith('.arazzo.yaml'));
for (const file of files) copyFileSync(new URL(file, source), new URL(file, target));
console.log(`contract-tests: copied ${files.length} workflows`);
