// Build step: the API description and the control plane's, loaded once here (YAML parsed, external
// references brought in) and written to dist/specs.json, so pa-mock starts by parsing JSON instead
// of YAML (the YAML parse was 38% of the sandbox's start-up). src/specs.ts falls back to the YAML
// when the file is absent (tests run from src/).
import { writeFileSync } from 'node:fs';
import { loadSpec, sandboxSpecPath, specPath } from '@permission-assist/spec-kit';

const target = new URL('../dist/specs.json', import.meta.url);
writeFileSync(target, JSON.stringify({ api: loadSpec(specPath), sandbox: loadSpec(sandboxSpecPath) }));
console.log('mock: wrote dist/specs.json');
