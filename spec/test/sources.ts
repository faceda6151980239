// The descriptions in this folder, loaded straight from their source (not the copies
// @permission-assist/spec-kit carries), so these tests always judge the files being edited.
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@permission-assist/spec-kit';

export const apiPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
export const sandboxPath = fileURLToPath(new URL('../sandbox.yaml', import.meta.url));
export const loadApi = () => loadSpec(apiPath);
export const loadSandbox = () => loadSpec(sandboxPath);
