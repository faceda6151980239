// What each case's expectation rests on: the vendor's documentation, or a choice the spec made
// where the vendor is silent (an `x-assumptions` key). The README's table is this, generated, so it
// cannot drift from the case definitions.
import type { ContractCase } from './cases/types.js';

export interface Basis {
  case: string;
  expects: string;
  restsOn: string;
  /** Every x-assumptions key the case's verdict can depend on. */
  assumptions: string[];
}

export function basisOf(testCase: ContractCase): Basis {
  const fields = testCase.expectFields?.length ? ` naming ${testCase.expectFields.map((f) => `\`${f}\``).join(', ')}` : '';
  const expects = testCase.expectStatus === undefined ? 'a documented success' : `${testCase.expectStatus}${fields}`;
  const key = testCase.assumption;
  const parts: string[] = [];
  if (!key) parts.push('vendor docs');
  else if (testCase.documents === 'refusal') parts.push(`vendor docs that it is refused; how: assumption \`${key}\``);
  else if (testCase.documents === 'success') parts.push(`vendor docs that it is carried out; the status: assumption \`${key}\``);
  else parts.push(`assumption \`${key}\``);
  if (testCase.alsoFair) parts.push(`${testCase.alsoFair.status} is fair too (a warning): ${testCase.alsoFair.because}`);
  for (const extra of testCase.assumes ?? []) parts.push(`also assumption \`${extra}\``);
  return { case: testCase.name, expects, restsOn: parts.join('; '), assumptions: [...(key ? [key] : []), ...(testCase.assumes ?? [])] };
}

export function basisTable(cases: ContractCase[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = cases.map(basisOf).map((b) => `| ${escape(b.case)} | ${escape(b.expects)} | ${escape(b.restsOn)} |`);
  return ['| Case | Expects | Rests on |', '|---|---|---|', ...rows].join('\n');
}
