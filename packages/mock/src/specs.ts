// The API description and the sandbox control plane's, parsed once per process: from the JSON the
// build writes beside the bundle (scripts/build-specs.mjs), or from the YAML when there is none.
import { readFileSync } from 'node:fs';
import { loadSpec, sandboxSpecPath, specPath, type OpenApiDocument } from '@permission-assist/spec-kit';

let specs: { api: OpenApiDocument; sandbox: OpenApiDocument } | undefined;

function builtSpecs(): { api: OpenApiDocument; sandbox: OpenApiDocument } | undefined {
  try {
    return JSON.parse(readFileSync(new URL('./specs.json', import.meta.url), 'utf8')) as { api: OpenApiDocument; sandbox: OpenApiDocument };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function loadSpecs(): { api: OpenApiDocument; sandbox: OpenApiDocument } {
  specs ??= builtSpecs() ?? { api: loadSpec(specPath), sandbox: loadSpec(sandboxSpecPath) };
  return specs;
}
