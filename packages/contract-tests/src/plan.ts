// What a run with writes will create, said before its first request, so a person can stop it.
import type { ContractCase, PlanContext } from './cases/types.js';

export function writePlan(cases: ContractCase[], target: PlanContext): string[] {
  const lines = cases.flatMap((testCase) => {
    if (testCase.needsIdentity && !target.identity) return [];
    const line = testCase.creates?.(target);
    return line ? [line] : [];
  });
  return [...new Set(lines)];
}
