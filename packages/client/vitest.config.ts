import { workspaceConfig } from '../../vitest.shared.ts';

export default workspaceConfig({
  test: { typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' } },
});
