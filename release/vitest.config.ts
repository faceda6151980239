import { workspaceConfig } from '../vitest.shared.ts';

// Each test sets its own timeout from the work it does (see test/helpers/budget.ts), scaled by the
// slowdown the shared config measures; the shared, scaled defaults cover the rest.
export default workspaceConfig();
