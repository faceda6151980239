// --help of every command against the spec itself: every operation has its command, every
// parameter its flag with the allowed values; a parameter added to a copy of the spec appears in
// pa's help after generation, with no code change. And the generated model matches the spec.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { deref, listOperations, loadSpec, resourceNames, specPath } from '@permission-assist/spec-kit';
import { buildProgram } from '../src/program.js';
import type { ResourceModel } from '../src/model-types.js';
import { pa } from './helpers.js';

const spec = loadSpec();
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/\s+/g, '-').toLowerCase();
const generator = fileURLToPath(new URL('../scripts/generate.mjs', import.meta.url));

const operations = listOperations(spec).filter((o: { section: string }) => o.section === 'paths') as {
  path: string;
  method: string;
  operationId: string;
  operation: { tags: string[]; summary: string };
  parameters: { name: string; in: string; schema: unknown }[];
}[];

/** The command words of an operation, found through `pa <resource> --help`, not through the model. */
async function commandOf(operationId: string): Promise<string[]> {
  const op = operations.find((o) => o.operationId === operationId)!;
  const resource = kebab(op.operation.tags[0]!);
  const help = (await pa([resource, '--help'])).stdout;
  const line = help.split('\n').find((l) => l.includes(op.operation.summary))!;
  return [resource, line.trim().split(/[\s|]/)[0]!];
}

describe('--help against the spec', () => {
  it.each(operations.map((o) => [o.operationId, o] as const))('%s: a command whose help lists every parameter and allowed value', async (operationId, op) => {
    const words = await commandOf(operationId);
    const help = await pa([...words, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`${op.method.toUpperCase()} ${op.path} (operationId ${operationId})`);
    const flat = help.stdout.replace(/\s+/g, ' ');
    for (const parameter of op.parameters) {
      if (parameter.in === 'path') expect(help.stdout).toContain(`<${parameter.name}>`);
      else expect(help.stdout).toContain(`--${kebab(parameter.name)} <`);
      const schema = deref(spec, parameter.schema) as { enum?: string[]; 'x-canonical-values'?: string[] };
      const values = schema.enum ?? schema['x-canonical-values'];
      if (values) expect(flat).toContain(`Allowed: ${values.join(', ')}`);
    }
  });

  it('every tag is a resource command and every list takes --all', async () => {
    const top = (await pa(['--help'])).stdout;
    for (const tag of new Set(operations.map((o) => o.operation.tags[0]!))) expect(top).toContain(kebab(tag));
    for (const op of operations.filter((o) => o.parameters.some((p) => p.name === 'page'))) {
      expect((await pa([...(await commandOf(op.operationId)), '--help'])).stdout).toContain('--all');
    }
  });

  it('a parameter added to the spec becomes a flag with its allowed values, with no code change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-cli-help-'));
    try {
      const document = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: 1000 });
      document.paths['/api/identities'].get.parameters.push({
        name: 'officeName',
        in: 'query',
        description: 'Only identities of this office.',
        schema: { type: 'string', enum: ['Head Office', 'Remote'] },
      });
      writeFileSync(join(dir, 'openapi.yaml'), stringify(document, { aliasDuplicateObjects: false }));
      execFileSync(process.execPath, [generator, '--spec', join(dir, 'openapi.yaml'), '--out', dir]);
      const { resources } = (await import(join(dir, 'model.ts'))) as { resources: ResourceModel[] };
      let text = '';
      const stdout = new PassThrough();
      stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const io = { stdout, stderr: new PassThrough(), stdin: Readable.from([]), env: {}, stdoutIsTTY: false, stderrIsTTY: false };
      const program = buildProgram(io, [], resources);
      await program.parseAsync(['identities', 'list', '--help'], { from: 'user' }).catch(() => undefined);
      expect(text).toContain('--office-name <value>');
      expect(text.replace(/\s+/g, ' ')).toContain('Only identities of this office. Allowed: Head Office, Remote.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the committed model is what the spec generates', () => {
    expect(execFileSync(process.execPath, [generator, '--check'], { encoding: 'utf8' })).toContain('generated sources match the spec');
  });

  it('resources are named as the client names them', () => {
    const names = new Set(operations.map((o) => resourceNames(o.operation.tags[0]!).property));
    expect(names).toEqual(new Set(['personnelEvents', 'applicationImports', 'applications', 'identities', 'accessRequests']));
  });
});
