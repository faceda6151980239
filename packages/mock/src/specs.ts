// The API description and the sandbox control plane's, parsed once per process.
import { loadSpec, sandboxSpecPath, specPath, type OpenApiDocument } from '@permission-assist/spec-kit';

let specs: { api: OpenApiDocument; sandbox: OpenApiDocument } | undefined;

export function loadSpecs(): { api: OpenApiDocument; sandbox: OpenApiDocument } {
  specs ??= { api: loadSpec(specPath), sandbox: loadSpec(sandboxSpecPath) };
  return specs;
}
