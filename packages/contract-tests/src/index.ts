// @permission-assist/contract-tests as a library.
export { cases, SkipCase, type CaseContext, type ContractCase, type TargetHints } from './cases/index.js';
export { probe, runContract, type CaseResult, type CoverageRow, type Outcome, type RunOptions, type RunResult } from './runner.js';
export { describeFinding, groupFindings, type Finding, type FindingGroup, type Severity } from './findings.js';
export { formatReport, jsonReport, junitReport } from './report.js';
export { resolveTarget, type Target } from './target.js';
