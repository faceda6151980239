// The one vitest configuration every workspace uses (each workspace's vitest.config.ts only adds
// what is its own). Each workspace still runs its own `vitest run`, so turbo caches it on its own
// and it writes its own .vitest-report.json for scripts/test.mjs to count.
//
// Time budgets come from this machine as it is now, not from a quiet one: a timeout here is
// "this much work at full speed" times how much slower than full speed this process runs at
// start-up. A test that waits on a process (tsc, npm install, a server start) gets the same
// scaling through budget() in its own helpers, which reads PA_TEST_SLOWDOWN.
import { availableParallelism, loadavg } from 'node:os';
import { mergeConfig, type ViteUserConfig } from 'vitest/config';

/**
 * How many times slower than an idle machine work runs now, at least 1: the larger of the wall
 * time a fixed piece of CPU work takes divided by the CPU time it used (the share of a core this
 * process gets), and the last minute's load average per core (the contention the tests will meet).
 */
export function measureSlowdown(): number {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  let cpuMs = 0;
  // About 60 ms of CPU (reading the CPU clock is the work); stop after 3 s of wall time whatever the share.
  while (cpuMs < 60 && performance.now() - wallStart < 3000) {
    const used = process.cpuUsage(cpuStart);
    cpuMs = (used.user + used.system) / 1000;
  }
  const share = (performance.now() - wallStart) / Math.max(cpuMs, 1);
  const perCore = loadavg()[0]! / availableParallelism();
  return Math.max(1, Math.min(50, Math.round(Math.max(share, perCore) * 10) / 10));
}

/** A value the run was told (PA_TEST_SLOWDOWN, e.g. from a parent vitest), else measured now. */
export const slowdown = Number(process.env.PA_TEST_SLOWDOWN) >= 1 ? Number(process.env.PA_TEST_SLOWDOWN) : measureSlowdown();

/**
 * Test files run side by side: two at least, where vitest's default on 2 cores is one. Most files
 * wait on processes, servers and timers about as long as they compute, so a second file fills
 * those waits (the client's suite: 81 s instead of 113 s, measured at load 11-12).
 */
export const WORKERS = Math.max(2, availableParallelism());

/** Base budgets at full speed: a test, a hook that starts servers or packs a package, an expect.poll. */
const TEST_MS = 60_000;
const HOOK_MS = 120_000;
const POLL_MS = 5_000;

export function workspaceConfig(own: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    {
      test: {
        include: ['test/**/*.test.ts'],
        maxWorkers: WORKERS,
        // A worker keeps the modules it has loaded from one test file to the next instead of loading
        // them afresh for each: loading them (vitest's transform, the packages' own start-up) was
        // most of the CPU of the mock's and the client's suites (mock 80 s -> 52 s, client 29 s -> 17 s
        // of CPU, measured at load 5-8). No test file mocks modules or leaves globals changed; a spy
        // is restored in a finally.
        isolate: false,
        testTimeout: Math.round(TEST_MS * slowdown),
        hookTimeout: Math.round(HOOK_MS * slowdown),
        // expect.poll's own default is 1 s: too short for a page render or a process start under load.
        expect: { poll: { timeout: Math.round(POLL_MS * slowdown) } },
        // Workers read it (budget() in the test helpers); child vitest runs inherit it.
        env: { PA_TEST_SLOWDOWN: String(slowdown) },
      },
    } satisfies ViteUserConfig,
    own,
  );
}
