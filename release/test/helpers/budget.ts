// What each step of the packed-package test may take on a busy 2-core machine. A test's timeout
// is the sum of the steps it runs, so it grows with the work, never with a quiet machine.
export const BUDGET = {
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
} as const;

export const sum = (...steps: number[]) => steps.reduce((total, step) => total + step, 0);
