import { workspaceConfig } from '../../vitest.shared.ts';

// Most tests spawn `pa` or start a sandbox: on a busy 2-core machine each takes seconds, so the
// budgets are a flat minute (not the shared, slowdown-scaled ones).
export default workspaceConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
