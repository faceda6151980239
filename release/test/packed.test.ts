// Every shipped package as a user gets it: packed, installed alone (with the tarballs of our own
// packages it depends on, nothing else from this repository) into a fresh project outside the
// repository, type-checked there under strict with skipLibCheck: false (ESM under node16 and
// bundler resolution, CommonJS too for a package with a require entry), used, its bins run, and
// checked by publint and are-the-types-wrong.
//
// The work is processes (npm install, tsc, attw, publint): it all starts in the first hook, as many
// processes at a time as there are cores (two at least), and each test waits for the results it
// asserts on. The type-checks are one tsc run per resolution mode over every package's project
// (helpers/type-check.ts: the lib files and @types/node are checked once, not once per package),
// each package still judged on the diagnostics in its own files and packages.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, sum } from './helpers/budget.js';
import { consumers, startStandIn } from './helpers/consumers.js';
import { describeMockPrism, installWithPrism } from './helpers/mock-prism.js';
import { run, type RunResult } from './helpers/run.js';
import { repoRoot, shippedPackages, type ShippedPackage } from './helpers/shipped.js';
import { checkMode, declaredGlobals, diagnosticsOf, type CheckedProject, type ModeCheck, type Resolution } from './helpers/type-check.js';

const shipped = shippedPackages();
const work = mkdtempSync(join(tmpdir(), 'pa-packed-'));
const tarballs = new Map<string, string>();
const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);
const TYPES_NODE = '@types/node@20.19.43';
const projectOf = (pkg: ShippedPackage) => join(work, pkg.name.replace('@permission-assist/', ''));

/** One way of consuming a package that tsc checks: ESM under node16 or bundler resolution, or CommonJS under node16. */
interface Mode {
  mode: 'node16' | 'bundler';
  cjs: boolean;
}
const modesOf = (pkg: ShippedPackage): Mode[] =>
  (['node16', 'bundler'] as const).flatMap((mode) => [{ mode, cjs: false }, ...(mode === 'node16' && pkg.dual ? [{ mode, cjs: true }] : [])]);
const modeKey = ({ mode, cjs }: Mode) => `${mode}${cjs ? '.cjs' : ''}`;

/** The processes every package's checks run, started at once and awaited by the tests. */
interface Pipeline {
  installed: Promise<void>;
  publint: Promise<RunResult>;
  attw?: Promise<RunResult>;
}
const pipelines = new Map<string, Pipeline>();
/** One tsc run per resolution mode over every package with something to import, after every install. */
const modeChecks = new Map<Resolution, Promise<ModeCheck>>();
/** Every process of this file, about one per core at a time (tsc, attw and npm are CPU-bound). */
const limit = pLimit(Math.max(2, availableParallelism()));
/** The longest a test may wait for its result: every process of the file run one after another. */
const PIPELINE_BUDGET = sum(
  ...shipped.flatMap((pkg) => [BUDGET.install, BUDGET.publint, BUDGET.attw, ...modesOf(pkg).map(() => BUDGET.tsc)]),
  BUDGET.install, // the mock once more, with its optional Prism
);
const mock = shipped.find((p) => p.name === '@permission-assist/mock')!;
/** The mock installed with its optional dependencies, for helpers/mock-prism.ts; its project without them is the one above. */
let mockWithPrism: Promise<string> | undefined;
/** A mode's tsc run does the work of one run per package and way of consuming it (the old runs, one after another). */
const modeBudget = (mode: Resolution) => sum(...shipped.flatMap((pkg) => modesOf(pkg).filter((m) => m.mode === mode).map(() => BUDGET.tsc)));

/** A promise whose rejection a test reports when it awaits it, not as an unhandled rejection before. */
function held<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Installs the package alone in its own project and writes what the type-checks compile. */
async function install(pkg: ShippedPackage): Promise<void> {
  const project = projectOf(pkg);
  const consumer = consumers[pkg.name];
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const own = [pkg.name, ...pkg.ownDependencies].map((name) => tarballs.get(name)!);
  // Optional dependencies (the mock's Prism, for --static only) stay out: helpers/mock-prism.ts installs
  // them, and a user without them must still get working types and bins.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', '--loglevel=error', ...own, TYPES_NODE], { cwd: project, timeoutMs: BUDGET.install });
  // The imports of every entry, and what an integration writes, in one file per module kind.
  const imports = pkg.entries.map((entry, i) => `import * as entry${i} from '${entry}';`).join('\n');
  writeFileSync(join(project, 'entries.ts'), `${imports}\nexport const entries = [${pkg.entries.map((_, i) => `entry${i}`).join(', ')}];\n`);
  if (consumer) writeFileSync(join(project, 'consumer.ts'), consumer.esm);
  if (consumer?.cjs) writeFileSync(join(project, 'consumer.cts'), consumer.cjs);
}

/** What one way of consuming the package puts into its mode's tsc run; none for a bin-only package. */
function checkedProject(pkg: ShippedPackage, { cjs }: Mode): CheckedProject | undefined {
  const consumer = consumers[pkg.name];
  if (pkg.entries.length === 0 && !consumer) return undefined; // a bin-only package: nothing to import
  const files = cjs ? (consumer?.cjs ? ['consumer.cts'] : []) : ['entries.ts', ...(consumer ? ['consumer.ts'] : [])];
  if (cjs && files.length === 0) throw new Error(`${pkg.name} has a require entry but no CommonJS consumer in helpers/consumers.ts`);
  return { dir: projectOf(pkg), files };
}
const checkedProjects = (resolution: Resolution) =>
  shipped.flatMap((pkg) => modesOf(pkg).filter((m) => m.mode === resolution).flatMap((m) => checkedProject(pkg, m) ?? []));

function attw(pkg: ShippedPackage): Promise<RunResult> {
  // ESM-only packages are judged by the esm-only profile: neither node10 resolution nor a
  // require() of them is a goal (the JSON report lists those anyway, so they are set aside in the test).
  const profile = pkg.dual ? [] : ['--profile', 'esm-only'];
  const subpaths = pkg.entries.map((e) => (e === pkg.name ? '.' : `./${e.slice(pkg.name.length + 1)}`));
  return run(bin('attw'), [tarballs.get(pkg.name)!, '--format', 'json', '--no-definitely-typed', '--entrypoints', ...subpaths, ...profile], { cwd: work, timeoutMs: BUDGET.attw, allowFailure: true });
}

beforeAll(async () => {
  await Promise.all(
    shipped.map(async (pkg) => {
      if (!existsSync(join(pkg.dir, 'dist'))) throw new Error(`${pkg.name} has no dist/: run npm run build first`);
      const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: pkg.dir, timeoutMs: BUDGET.pack });
      const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
      tarballs.set(pkg.name, join(work, filename));
    }),
  );
  // Queued in package order, installs first: the first package's checks can start soonest.
  const installs = new Map(shipped.map((pkg) => [pkg.name, held(limit(() => install(pkg)))]));
  const everyInstall = Promise.all(installs.values());
  const withPrism = join(work, 'mock-with-prism');
  mockWithPrism = held(limit(() => installWithPrism(withPrism, [mock.name, ...mock.ownDependencies].map((name) => tarballs.get(name)!))).then(() => withPrism));
  for (const resolution of ['node16', 'bundler'] as const) {
    modeChecks.set(resolution, held(everyInstall.then(() => limit(() => checkMode(resolution, checkedProjects(resolution), { work, tsc: bin('tsc'), timeoutMs: modeBudget(resolution) })))));
  }
  for (const pkg of shipped) {
    const installed = installs.get(pkg.name)!;
    pipelines.set(pkg.name, {
      installed,
      publint: held(limit(() => run(bin('publint'), ['run', tarballs.get(pkg.name)!, '--strict'], { cwd: work, timeoutMs: BUDGET.publint }))),
      attw: pkg.entries.length > 0 ? held(limit(() => attw(pkg))) : undefined,
    });
  }
}, sum(...shipped.map(() => BUDGET.pack)));

// Every process is awaited (settled or not) before the folder they work in goes.
afterAll(async () => {
  await Promise.allSettled([...modeChecks.values(), ...(mockWithPrism ? [mockWithPrism] : []), ...[...pipelines.values()].flatMap((p) => [p.installed, p.publint, ...(p.attw ? [p.attw] : [])])]);
  rmSync(work, { recursive: true, force: true });
}, PIPELINE_BUDGET);

it('finds the packages this repository ships: every non-private package under packages/', () => {
  expect(shipped.map((p) => p.name)).toEqual(expect.arrayContaining(['@permission-assist/client', '@permission-assist/contract-tests', '@permission-assist/mock', '@permission-assist/spec-kit']));
});

it('runs after every shipped package is built: each is a devDependency of this workspace, so turbo builds it first', async () => {
  const { default: manifest } = await import('../package.json', { with: { type: 'json' } });
  const missing = shipped.map((p) => p.name).filter((name) => !(name in manifest.devDependencies));
  expect(missing, 'add these to release/package.json devDependencies').toEqual([]);
});

describe.each(shipped)('$name, packed and installed alone', (pkg: ShippedPackage) => {
  const project = projectOf(pkg);
  const consumer = consumers[pkg.name];

  const pipeline = () => pipelines.get(pkg.name)!;

  beforeAll(() => pipeline().installed, PIPELINE_BUDGET);

  it('holds no sources, tests or build scripts, and has README and LICENSE', async () => {
    const { stdout } = await run('tar', ['-tzf', tarballs.get(pkg.name)!], { cwd: work, timeoutMs: BUDGET.node });
    const listing = stdout.split('\n').filter(Boolean);
    expect(listing).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']));
    expect(listing.filter((f) => /^package\/(src|test|scripts|bench)\//.test(f))).toEqual([]);
  });

  it('installs our packages from their tarballs only: no private package, no link into this repository', () => {
    const installed = readdirSync(join(project, 'node_modules/@permission-assist')).map((name) => `@permission-assist/${name}`);
    expect(installed.sort()).toEqual([pkg.name, ...pkg.ownDependencies].sort());
    for (const name of installed) expect(lstatSync(join(project, 'node_modules', name)).isSymbolicLink(), name).toBe(false);
  });

  it.each(modesOf(pkg))('type-checks under strict, skipLibCheck: false, $mode resolution (CommonJS: $cjs)', async (mode) => {
    const checked = checkedProject(pkg, mode);
    if (!checked) return; // a bin-only package: nothing to import
    const check = await modeChecks.get(mode.mode)!;
    // Its files were in the run, and nothing in them or in what it installed was reported.
    expect(check.roots).toEqual(expect.arrayContaining(checked.files.map((file) => join(checked.dir, file))));
    const own = diagnosticsOf(check, checked, checkedProjects(mode.mode));
    expect(own.map((d) => d.text), `tsc ${modeKey(mode)} over every package reported:\n${check.diagnostics.map((d) => d.text).join('\n')}`).toEqual([]);
  }, PIPELINE_BUDGET);

  it.runIf(pkg.entries.length > 0)('declares no globals, so checking it in one program with the other packages is checking it alone', () => {
    expect(declaredGlobals(join(project, 'node_modules', pkg.name))).toEqual([]);
  });

  it('exports at run time every value its declarations name (ESM, and CommonJS for a require entry)', async () => {
    const ts = (await import('typescript')).default;
    // One program over a file per entry, and one node process per module kind reading every
    // entry's keys: each entry is still judged alone, the lib files are parsed once per package.
    const files = pkg.entries.map((entry, i) => {
      const file = join(project, `exports-${i}.ts`);
      writeFileSync(file, `export * from '${entry}';\n`);
      return file;
    });
    const program = ts.createProgram(files, { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, strict: true, noEmit: true, types: [] });
    const checker = program.getTypeChecker();
    const keysOf = async (script: string, source: string) => {
      writeFileSync(join(project, script), source);
      return JSON.parse((await run('node', [script], { cwd: project, timeoutMs: BUDGET.node })).stdout) as string[][];
    };
    const entries = JSON.stringify(pkg.entries);
    const esm = await keysOf('keys.mjs', `const keys = []; for (const entry of ${entries}) keys.push(Object.keys(await import(entry))); process.stdout.write(JSON.stringify(keys));`);
    const cjs = pkg.dual ? await keysOf('keys.cjs', `process.stdout.write(JSON.stringify(${entries}.map((entry) => Object.keys(require(entry)))));`) : undefined;
    pkg.entries.forEach((entry, i) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(files[i]!)!)!;
      const values = checker
        .getExportsOfModule(symbol)
        .filter((s) => (checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value) !== 0)
        .map((s) => s.name);
      expect(values.length, `${entry} exports values`).toBeGreaterThan(0);
      expect(values.filter((name) => !esm[i]!.includes(name)), `${entry} (ESM)`).toEqual([]);
      if (cjs) expect(values.filter((name) => !cjs[i]!.includes(name)), `${entry} (CJS)`).toEqual([]);
    });
  }, sum(BUDGET.tsc, BUDGET.node, BUDGET.node));

  it.runIf(consumer)('runs what an integration writes against it', async () => {
    await modeChecks.get('node16');
    const standIn = consumer!.server ? await startStandIn() : undefined;
    try {
      const env = standIn ? { PA_BASE_URL: standIn.url } : {};
      if (!existsSync(join(project, 'consumer.js'))) throw new Error('consumer.js is missing: the node16 type-check emitted no program');
      const esm = await run('node', ['consumer.js'], { cwd: project, timeoutMs: BUDGET.server, env });
      expect(JSON.parse(esm.stdout)).toEqual(consumer!.expected);
      if (consumer!.cjs) {
        const cjs = await run('node', ['consumer.cjs'], { cwd: project, timeoutMs: BUDGET.node, env });
        expect(JSON.parse(cjs.stdout)).toEqual({ lastName: (consumer!.expected as { lastName: string }).lastName });
      }
    } finally {
      await standIn?.close();
    }
  }, sum(PIPELINE_BUDGET, BUDGET.server, BUDGET.node));

  it.each(pkg.bins.length ? pkg.bins : [])('bin %s answers --help and --version', async (name) => {
    const help = await run(join(project, 'node_modules/.bin', name), ['--help'], { cwd: project, timeoutMs: BUDGET.node });
    expect(help.stdout).toMatch(/usage/i);
    const version = await run(join(project, 'node_modules/.bin', name), ['--version'], { cwd: project, timeoutMs: BUDGET.node });
    expect(version.stdout.trim().split('\n')[0]).toContain(pkg.manifest.version);
  }, sum(BUDGET.node, BUDGET.node));

  it('passes publint (strict)', async () => {
    const { stdout } = await pipeline().publint;
    expect(stdout).toContain('All good!');
  }, PIPELINE_BUDGET);

  it.runIf(pkg.entries.length > 0)('passes are-the-types-wrong for every entry and resolution mode', async () => {
    const ignored = pkg.dual ? [] : ['node10', 'node16-cjs'];
    const subpaths = pkg.entries.map((e) => (e === pkg.name ? '.' : `./${e.slice(pkg.name.length + 1)}`));
    const result = await pipeline().attw!;
    const report = JSON.parse(result.stdout) as { problems?: Record<string, { resolutionKind?: string }[]>; analysis: { entrypoints: Record<string, unknown> } };
    expect(Object.values(report.problems ?? {}).flat().filter((p) => !ignored.includes(p.resolutionKind ?? ''))).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(subpaths.sort());
    expect(result.code).toBe(0);
  }, PIPELINE_BUDGET);
});

describeMockPrism(mock, { withPrism: () => mockWithPrism!, withoutPrism: () => pipelines.get(mock.name)!.installed.then(() => projectOf(mock)) }, PIPELINE_BUDGET);
