import { defineConfig } from 'vitest/config';

// Each test sets its own timeout from the work it does (see test/helpers/budget.ts).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
