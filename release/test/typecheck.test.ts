// Every workspace's TypeScript, its tests included, type-checks under the strict base config. The
// builds check only what they bundle (tsup's declarations cover src), so without this a test file
// could drift from the types it exercises and nothing would say so.
//
// One process checks every workspace through the compiler API, with one cache of parsed files for
// all of them: the standard library and @types/node are parsed once, not once per tsc run.
// The client is left out: its own vitest run type-checks its tsconfig (typecheck.enabled), type
// tests included.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/shipped.js';

const CHECKED_ELSEWHERE = new Set(['packages/client']);

/** Each workspace's project: tsconfig.test.json where the build's tsconfig covers only src. */
function projects(): { dir: string; config: string }[] {
  const { workspaces } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = workspaces.flatMap((pattern) => (pattern.endsWith('/*') ? ts.sys.getDirectories(join(repoRoot, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`) : [pattern]));
  return dirs
    .filter((dir) => !CHECKED_ELSEWHERE.has(dir) && existsSync(join(repoRoot, dir, 'package.json')))
    .flatMap((dir) => ['tsconfig.test.json', 'tsconfig.json'].map((name) => ({ dir, config: join(repoRoot, dir, name) })).filter(({ config }) => existsSync(config)).slice(0, 1));
}

const parsed = new Map<string, ts.SourceFile | undefined>();
function sharedHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    // A file parses differently as ESM or CommonJS: the key carries how it was asked for.
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!parsed.has(key)) parsed.set(key, read(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(key);
  };
  return host;
}

function diagnosticsOf(config: string): string[] {
  const commandLine = ts.getParsedCommandLineOfConfigFile(config, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!commandLine) throw new Error(`${config}: not a tsconfig`);
  const program = ts.createProgram({ rootNames: commandLine.fileNames, options: commandLine.options, host: sharedHost(commandLine.options) });
  return [...commandLine.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(repoRoot, d.file.fileName)}:${line + 1}:${character + 1} ${text}`;
  });
}

describe('type-checking', () => {
  const found = projects();

  it('finds a project in every workspace with TypeScript', () => {
    expect(found.map((p) => p.dir)).toEqual(expect.arrayContaining(['packages/mock', 'packages/contract-tests', 'packages/cli', 'packages/spec-kit', 'docs', 'release', 'spec']));
  });

  it.for(found)('$dir type-checks, tests included', ({ config }) => {
    expect(diagnosticsOf(config)).toEqual([]);
  });
});
