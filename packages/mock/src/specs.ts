// The API description and the sandbox control plane's, parsed once per process.
import { loadSpec, sandboxSpecPath, specPath } from '@permission-assist/spec/load';

let specs: { api: any; sandbox: any } | undefined;

export function loadSpecs(): { api: any; sandbox: any } {
  specs ??= { api: loadSpec(specPath), sandbox: loadSpec(sandboxSpecPath) };
  return specs;
}
