// One tsc run per resolution mode over every package's fresh project at once, each package still
// getting its own verdict. Checking each package alone cost one tsc run per package and mode (11),
// and each of those spent most of its time checking the same TypeScript lib files and @types/node
// under skipLibCheck: false; one program per mode checks those once and every package's files in
// it just the same (same options, every file of every project, a diagnostic kept with the file it
// is in). That is the same check as one program per package only while no package adds globals a
// neighbour could lean on: declaredGlobals() is what packed.test.ts asserts to keep it so.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { run } from './run.js';

export type Resolution = 'node16' | 'bundler';

/** What one project puts into the program of a mode: its directory and root files (relative to it). */
export interface CheckedProject {
  dir: string;
  files: string[];
}

export interface Diagnostic {
  /** Absolute path of the file it is in; undefined for an error about the run itself. */
  file?: string;
  text: string;
}

export interface ModeCheck {
  /** Every root file of the program, absolute. */
  roots: string[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/** tsconfig for one mode over every project; `@types/node` (the same version in each project) from `typesFrom`. */
function tsconfig(mode: Resolution, roots: string[], typesFrom: string) {
  const module = mode === 'node16' ? { module: 'node16', moduleResolution: 'node16' } : { module: 'esnext', moduleResolution: 'bundler' };
  // node16 is how Node itself loads a package: that check also emits the programs a test runs,
  // each beside its source (no outDir), so it resolves its imports from its own project.
  const emit = mode === 'node16' ? { noEmit: false } : { noEmit: true };
  return {
    compilerOptions: { ...module, target: 'ES2022', lib: ['ES2022', 'DOM'], types: ['node'], typeRoots: [join(typesFrom, 'node_modules/@types')], strict: true, skipLibCheck: false, ...emit },
    files: roots,
  };
}

const DIAGNOSTIC_LINE = /^(.+?)\(\d+,\d+\): (error|warning) TS\d+: /;

/** Runs tsc once for the mode over every project; a diagnostic tsc prints is kept with its file. */
export async function checkMode(mode: Resolution, projects: CheckedProject[], { work, tsc, timeoutMs }: { work: string; tsc: string; timeoutMs: number }): Promise<ModeCheck> {
  const roots = projects.flatMap((p) => p.files.map((file) => join(p.dir, file)));
  const config = join(work, `tsconfig.${mode}.json`);
  writeFileSync(config, JSON.stringify(tsconfig(mode, roots, projects[0]!.dir)));
  const { code, stdout, stderr } = await run(tsc, ['-p', config, '--pretty', 'false'], { cwd: work, timeoutMs, allowFailure: true });
  // A diagnostic's continuation lines (indented) belong to the one above them.
  const diagnostics: Diagnostic[] = [];
  for (const line of `${stdout}${stderr}`.split('\n')) {
    if (!line.trim()) continue;
    const match = DIAGNOSTIC_LINE.exec(line);
    if (match) diagnostics.push({ file: resolve(work, match[1]!), text: line });
    else if (/^\s/.test(line) && diagnostics.length) diagnostics[diagnostics.length - 1]!.text += `\n${line}`;
    else diagnostics.push({ text: line });
  }
  if (code !== 0 && diagnostics.length === 0) diagnostics.push({ text: `tsc exited with ${code} and printed nothing` });
  return { roots, diagnostics, exitCode: code };
}

/** The package a path under node_modules is in (`@scope/name` or `name`), for the innermost node_modules. */
function packageOf(path: string): string | undefined {
  const parts = path.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  return parts[at + 1]!.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * The diagnostics a check of one project must answer for: those in its own root files (`files`),
 * those in any package installed in it (tsc reports a package installed in several projects, the
 * same name and version, at the copy it read first, which may be a neighbour's), and any that
 * names no file (a broken run fails every check).
 */
export function diagnosticsOf(check: ModeCheck, project: CheckedProject, allProjects: CheckedProject[]): Diagnostic[] {
  const ownRoots = new Set(project.files.map((file) => join(project.dir, file)));
  return check.diagnostics.filter(({ file }) => {
    if (!file) return true;
    if (ownRoots.has(file)) return true;
    const home = allProjects.find((p) => !relative(p.dir, file).startsWith('..'));
    if (!home) return true; // outside every project: nobody's, so everybody's
    const rest = relative(home.dir, file);
    if (!rest.startsWith(`node_modules${sep}`)) return false; // another root file of the same or another project
    const name = packageOf(file);
    return name !== undefined && existsSync(join(project.dir, 'node_modules', name));
  });
}

/** Declaration files of an installed package, recursively (its own node_modules aside). */
function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : declarationFiles(path);
    return /\.d\.[cm]?ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What a package's declarations would add to every program that loads them: a declaration file
 * that is a script (no import or export, so its names are global), a `declare global` block, or a
 * `/// <reference lib>`. Each is listed as `<file>: <what>`.
 */
export function declaredGlobals(packageDir: string): string[] {
  return declarationFiles(packageDir).flatMap((path) => {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = relative(packageDir, path);
    const found: string[] = [];
    if (!ts.isExternalModule(source)) found.push(`${where}: a script, its declarations global`);
    for (const statement of source.statements) {
      if (ts.isModuleDeclaration(statement) && (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0) found.push(`${where}: declare global`);
    }
    for (const lib of source.libReferenceDirectives) found.push(`${where}: /// <reference lib="${lib.fileName}" />`);
    return found;
  });
}
