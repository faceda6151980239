// What each step of the packed-package test may take on a busy 2-core machine, times how much
// slower than that the machine runs now (PA_TEST_SLOWDOWN, from vitest.config.ts: other processes
// beside the suite). A test's timeout is the sum of the steps it runs, so it grows with the work,
// never with a quiet machine.
const slowdown = Math.max(1, Number(process.env.PA_TEST_SLOWDOWN) || 1);

const BASE = {
  /** `npm pack` of one package. */
  pack: 60_000,
  /** `npm install` of tarballs into an empty project (third-party dependencies from the npm cache or registry). */
  install: 300_000,
  /** One `tsc` run over a consumer file and the package's declarations. */
  tsc: 120_000,
  /** Starting a node process that imports the package, or a bin answering --help. */
  node: 30_000,
  /** A server process started and answering one request. */
  server: 60_000,
  publint: 60_000,
  attw: 120_000,
};

export const BUDGET: Readonly<Record<keyof typeof BASE, number>> = Object.fromEntries(
  Object.entries(BASE).map(([step, ms]) => [step, Math.round(ms * slowdown)]),
) as Record<keyof typeof BASE, number>;

/** `ms` at full speed, scaled the same way: for a test's own timeout. */
export const budget = (ms: number) => Math.round(ms * slowdown);

export const sum = (...steps: number[]) => steps.reduce((total, step) => total + step, 0);
