// Library entry of @permission-assist/cli: run `pa` in process, its exit codes, and the command
// line of an operation for documentation samples.
export { run } from './main.js';
export { EXIT, type ExitCode } from './exit-codes.js';
export { renderPaCommand, type SampleParameters } from './sample.js';
export type { Io } from './io.js';
