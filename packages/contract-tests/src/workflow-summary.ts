// A summary of the business workflows for people and for the docs site: what each flow does, step
// by step, which operation each step calls, and which steps only the sandbox can run. Generated
// from the Arazzo files, so it cannot drift from them (spec/workflows/README.md and workflows.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface WorkflowSummary {
  file: string;
  title: string;
  description: string;
  /** What it creates on a server (it runs there only with --write). */
  writes?: string;
  workflows: {
    workflowId: string;
    summary: string;
    inputs: string[];
    steps: { stepId: string; operationId: string; description?: string; sandboxOnly?: string }[];
  }[];
}

interface Document {
  info: { title: string; description?: string };
  'x-pa-contract'?: { writes?: string };
  workflows: { workflowId: string; summary?: string; inputs?: { required?: string[] }; steps: { stepId: string; operationId: string; description?: string; 'x-sandbox-only'?: string }[] }[];
}

export function summarizeWorkflows(directory: string): WorkflowSummary[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.arazzo.yaml'))
    .sort()
    .map((file) => {
      const document = parse(readFileSync(join(directory, file), 'utf8')) as Document;
      return {
        file,
        title: document.info.title,
        description: (document.info.description ?? '').trim(),
        ...(document['x-pa-contract']?.writes ? { writes: document['x-pa-contract'].writes } : {}),
        workflows: document.workflows.map((w) => ({
          workflowId: w.workflowId,
          summary: w.summary ?? '',
          inputs: (w.inputs?.required ?? []).filter((name) => name !== 'token'),
          steps: w.steps.map((s) => ({
            stepId: s.stepId,
            // `$sourceDescriptions.pa.createOnboardEvent` -> `createOnboardEvent` (sandbox ones keep their prefix)
            operationId: s.operationId.replace(/^\$sourceDescriptions\.pa\./, '').replace(/^\$sourceDescriptions\./, ''),
            ...(s.description ? { description: s.description } : {}),
            ...(s['x-sandbox-only'] ? { sandboxOnly: s['x-sandbox-only'] } : {}),
          })),
        })),
      };
    });
}

export function workflowsMarkdown(summaries: WorkflowSummary[]): string {
  const lines = [
    '# Business workflows',
    '',
    '<!-- Generated from the *.arazzo.yaml files by @permission-assist/contract-tests (test/readme.test.ts); do not edit. -->',
    '',
    'The vendor\'s documented flows as [Arazzo 1.0](https://spec.openapis.org/arazzo/latest.html) workflows. `npm test` runs them',
    'against the sandbox with `redocly respect`; `pa-contract --workflows` runs them against any server, where the steps marked',
    '*sandbox only* are skipped with their reason, flows that create records run only with `--write`, and flows about an existing',
    'identity only with `--write-identity`.',
  ];
  for (const s of summaries) {
    lines.push('', `## ${s.title}`, '', `\`${s.file}\`${s.writes ? ` — creates ${s.writes}` : ' — read-only'}`, '', s.description);
    for (const w of s.workflows) {
      lines.push('', `### ${w.summary} (\`${w.workflowId}\`)`, '');
      if (w.inputs.length) lines.push(`Inputs: ${w.inputs.map((i) => `\`${i}\``).join(', ')}`, '');
      lines.push('| Step | Operation | What | Sandbox only |', '|---|---|---|---|');
      for (const step of w.steps) lines.push(`| ${step.stepId} | \`${step.operationId}\` | ${step.description ?? ''} | ${step.sandboxOnly ?? ''} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
