// Every contract case, in the order they run: reads first (they find the samples later cases use).
import { authCases } from './auth.js';
import { readCases } from './reads.js';
import { refusedCases } from './refused.js';
import { semanticCases } from './semantics.js';
import type { ContractCase } from './types.js';
import { writeCases } from './writes.js';

export const cases: ContractCase[] = [...readCases, ...authCases, ...refusedCases, ...semanticCases, ...writeCases];
export { SkipCase, type CaseContext, type ContractCase, type TargetHints } from './types.js';
