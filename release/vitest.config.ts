import { defineConfig } from 'vitest/config';
import { slowdown, WORKERS } from '../vitest.shared.ts';

// Each test sets its own timeout from the work it does (see test/helpers/budget.ts), scaled by how
// much slower than an idle machine this one runs now (PA_TEST_SLOWDOWN, measured in vitest.shared.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Side by side like every workspace's files (see vitest.shared.ts): mock-prism's installs and
    // the workflow checks run beside packed.test.ts.
    maxWorkers: WORKERS,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PA_TEST_SLOWDOWN: String(slowdown) },
  },
});
