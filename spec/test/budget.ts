// A time budget for a step that waits on this machine (a tool run, git, a child process): `ms` at
// full speed times how much slower the machine runs now, measured by vitest.shared.ts when the run
// started (PA_TEST_SLOWDOWN). Never shorter than `ms`.
export const budget = (ms: number): number => Math.round(ms * Math.max(1, Number(process.env.PA_TEST_SLOWDOWN) || 1));
