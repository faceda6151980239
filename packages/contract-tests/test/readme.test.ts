// The README's tables are generated from what they describe: which cases rest on the vendor's
// documentation and which on the spec's assumptions (from the case definitions), and which drifts a
// run catches (from the drift catalogue). Run with UPDATE_README=1 to rewrite them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { basisTable, cases, summarizeWorkflows, workflowsDirectory, workflowsMarkdown } from '../src/index.js';
import { catalogue } from './helpers/drift-catalogue.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

function driftTable(): string {
  const label = { failure: 'failure', assumption: 'unconfirmed assumption', warning: 'warning' } as const;
  const rows = catalogue.map((d) => `| ${d.name.replace(/\|/g, '\\|')} | ${label[d.expect[0]]} | \`${d.expect[1].replace(/\|/g, '\\|').replace(/`/g, "'")}\` |`);
  return ['| The server… | Reported as | Line (part) |', '|---|---|---|', ...rows].join('\n');
}

function section(text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${begin} … ${end} section`);
  return `${text.slice(0, from + begin.length)}\n${body}\n${text.slice(to)}`;
}

describe('README', () => {
  it('lists every case with what it rests on, and every drift the suite catches, as the code has them', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const expected = section(section(readme, 'cases', basisTable(cases)), 'drifts', driftTable());
    if (process.env.UPDATE_README === '1') writeFileSync(readmePath, expected);
    expect(readme, 'README tables are stale: run UPDATE_README=1 npx vitest run test/readme.test.ts').toBe(expected);
    expect(readme).toContain(`**pa-contract reports all ${catalogue.length}`);
  });

  it('spec/workflows/README.md and workflows.json (for the docs site) are generated from the Arazzo files', () => {
    const directory = workflowsDirectory();
    const summaries = summarizeWorkflows(directory);
    const files = { 'README.md': workflowsMarkdown(summaries), 'workflows.json': `${JSON.stringify(summaries, null, 2)}\n` };
    for (const [name, text] of Object.entries(files)) {
      const path = join(directory, name);
      if (process.env.UPDATE_README === '1') writeFileSync(path, text);
      expect(readFileSync(path, 'utf8'), `${name} is stale: run UPDATE_README=1 npx vitest run test/readme.test.ts`).toBe(text);
    }
    expect(summaries.flatMap((s) => s.workflows.map((w) => w.workflowId))).toHaveLength(5);
  });
});
