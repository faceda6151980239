import { workspaceConfig } from '../vitest.shared.ts';

// Each test sets its own timeout from the work it does (see test/helpers/budget.ts), scaled by the
// slowdown the shared config measures; the flat minute below is only the default for the rest.
export default workspaceConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
