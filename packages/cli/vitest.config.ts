import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most tests spawn `pa` or start a sandbox: on a busy 2-core machine each takes seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
