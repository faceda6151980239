// @permission-assist/contract-tests as a library.
export { cases, SkipCase, type CaseContext, type ContractCase } from './cases.js';
export { runContract, type CaseResult, type CoverageRow, type RunOptions, type RunResult } from './runner.js';
export { formatReport, jsonReport, junitReport } from './report.js';
export { resolveTarget, type Target } from './target.js';
