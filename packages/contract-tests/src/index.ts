// @permission-assist/contract-tests as a library.
export { cases, SkipCase, type CaseContext, type ContractCase, type TargetHints } from './cases/index.js';
export { runContract, type CaseResult, type CoverageRow, type Outcome, type RunOptions, type RunResult } from './runner.js';
export { probe } from './probe.js';
export { judgeCase, statusSeverity, type CaseEvidence, type Judgement } from './judge.js';
export type { CreatedRecord } from './created.js';
export { describeFinding, groupFindings, type Finding, type FindingGroup, type Severity } from './findings.js';
export { formatReport, jsonReport, junitReport, junitWorkflows } from './report.js';
export { inputFromEnv, resolveTarget, type Target, type TargetInput } from './target.js';
export { basisOf, basisTable, type Basis } from './basis.js';
export { formatWorkflows, runWorkflows, workflowsDirectory, type WorkflowOptions, type WorkflowResult } from './workflows.js';
export { summarizeWorkflows, workflowsMarkdown, type WorkflowSummary } from './workflow-summary.js';
