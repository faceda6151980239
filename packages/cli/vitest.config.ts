import { defineConfig } from 'vitest/config';
import { WORKERS } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most tests spawn `pa` or start a sandbox: on a busy 2-core machine each takes seconds.
    // Side by side like every workspace's files (see vitest.shared.ts).
    maxWorkers: WORKERS,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
