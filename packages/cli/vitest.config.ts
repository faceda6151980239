import { workspaceConfig } from '../../vitest.shared.ts';

// Most tests spawn `pa` or start a sandbox; the shared budgets (a minute at full speed, scaled by
// how much slower the machine runs now) cover them.
export default workspaceConfig();
