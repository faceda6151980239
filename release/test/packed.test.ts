// Every shipped package as a user gets it: packed, installed alone (with the tarballs of our own
// packages it depends on, nothing else from this repository) into a fresh project outside the
// repository, type-checked there under strict with skipLibCheck: false (ESM under node16 and
// bundler resolution, CommonJS too for a package with a require entry), used, its bins run, and
// checked by publint and are-the-types-wrong.
//
// The work is processes (npm install, tsc, attw, publint), one package's independent of another's:
// it all starts in the first hook, as many processes at a time as there are cores (two at least),
// and each test waits for the results it asserts on. One package's checks do not wait for every
// package before it to finish, and the file takes about the time of its work spread over the cores.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, sum } from './helpers/budget.js';
import { consumers, startStandIn } from './helpers/consumers.js';
import { run, type RunResult } from './helpers/run.js';
import { repoRoot, shippedPackages, type ShippedPackage } from './helpers/shipped.js';

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
  typeChecks: Map<string, Promise<void>>;
  publint: Promise<RunResult>;
  attw?: Promise<RunResult>;
}
const pipelines = new Map<string, Pipeline>();
/** Every process of this file, about one per core at a time (tsc, attw and npm are CPU-bound). */
const limit = pLimit(Math.max(2, availableParallelism()));
/** The longest a test may wait for its result: every process of the file run one after another. */
const PIPELINE_BUDGET = sum(
  ...shipped.flatMap((pkg) => [BUDGET.install, BUDGET.publint, BUDGET.attw, ...modesOf(pkg).map(() => BUDGET.tsc)]),
);

/** A promise whose rejection a test reports when it awaits it, not as an unhandled rejection before. */
function held<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** tsconfig for one way of consuming the package. */
function tsconfig(mode: 'node16' | 'bundler', files: string[]) {
  const module = mode === 'node16' ? { module: 'node16', moduleResolution: 'node16' } : { module: 'esnext', moduleResolution: 'bundler' };
  return { compilerOptions: { ...module, target: 'ES2022', lib: ['ES2022', 'DOM'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true }, files };
}

/** Installs the package alone in its own project and writes what the type-checks compile. */
async function install(pkg: ShippedPackage): Promise<void> {
  const project = projectOf(pkg);
  const consumer = consumers[pkg.name];
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const own = [pkg.name, ...pkg.ownDependencies].map((name) => tarballs.get(name)!);
  // Optional dependencies (the mock's Prism, for --static only) stay out: mock-prism.test.ts installs
  // them, and a user without them must still get working types and bins.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', '--loglevel=error', ...own, TYPES_NODE], { cwd: project, timeoutMs: BUDGET.install });
  // The imports of every entry, and what an integration writes, in one file per module kind.
  const imports = pkg.entries.map((entry, i) => `import * as entry${i} from '${entry}';`).join('\n');
  writeFileSync(join(project, 'entries.ts'), `${imports}\nexport const entries = [${pkg.entries.map((_, i) => `entry${i}`).join(', ')}];\n`);
  if (consumer) writeFileSync(join(project, 'consumer.ts'), consumer.esm);
  if (consumer?.cjs) writeFileSync(join(project, 'consumer.cts'), consumer.cjs);
}

/** One tsc run in the package's project; a package with nothing to import has nothing to check. */
async function typeCheck(pkg: ShippedPackage, { mode, cjs }: Mode): Promise<void> {
  const consumer = consumers[pkg.name];
  const files = cjs ? (consumer?.cjs ? ['consumer.cts'] : []) : ['entries.ts', ...(consumer ? ['consumer.ts'] : [])];
  if (cjs && files.length === 0) throw new Error(`${pkg.name} has a require entry but no CommonJS consumer in helpers/consumers.ts`);
  if (pkg.entries.length === 0 && !consumer) return; // a bin-only package: nothing to import
  const config = `tsconfig.${modeKey({ mode, cjs })}.json`;
  // node16 is how Node itself loads the package: that check also emits the program a test runs.
  const options = tsconfig(mode, files);
  if (mode === 'node16') Object.assign(options.compilerOptions, { noEmit: false, outDir: 'out' });
  writeFileSync(join(projectOf(pkg), config), JSON.stringify(options));
  await run(bin('tsc'), ['-p', config], { cwd: projectOf(pkg), timeoutMs: BUDGET.tsc });
}

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
  for (const pkg of shipped) {
    const installed = installs.get(pkg.name)!;
    pipelines.set(pkg.name, {
      installed,
      typeChecks: new Map(modesOf(pkg).map((mode) => [modeKey(mode), held(installed.then(() => limit(() => typeCheck(pkg, mode))))])),
      publint: held(limit(() => run(bin('publint'), ['run', tarballs.get(pkg.name)!, '--strict'], { cwd: work, timeoutMs: BUDGET.publint }))),
      attw: pkg.entries.length > 0 ? held(limit(() => attw(pkg))) : undefined,
    });
  }
}, sum(...shipped.map(() => BUDGET.pack)));

// Every process is awaited (settled or not) before the folder they work in goes.
afterAll(async () => {
  await Promise.allSettled([...pipelines.values()].flatMap((p) => [p.installed, ...p.typeChecks.values(), p.publint, ...(p.attw ? [p.attw] : [])]));
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
    await pipeline().typeChecks.get(modeKey(mode));
  }, PIPELINE_BUDGET);

  it('exports at run time every value its declarations name (ESM, and CommonJS for a require entry)', async () => {
    const ts = (await import('typescript')).default;
    for (const entry of pkg.entries) {
      const file = join(project, 'exports.ts');
      writeFileSync(file, `export * from '${entry}';\n`);
      const program = ts.createProgram([file], { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, strict: true, noEmit: true, types: [] });
      const checker = program.getTypeChecker();
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      const values = checker
        .getExportsOfModule(symbol)
        .filter((s) => (checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value) !== 0)
        .map((s) => s.name);
      expect(values.length, `${entry} exports values`).toBeGreaterThan(0);
      writeFileSync(join(project, 'keys.mjs'), `import * as m from '${entry}'; process.stdout.write(JSON.stringify(Object.keys(m)));`);
      const esm = JSON.parse((await run('node', ['keys.mjs'], { cwd: project, timeoutMs: BUDGET.node })).stdout) as string[];
      expect(values.filter((name) => !esm.includes(name)), `${entry} (ESM)`).toEqual([]);
      if (pkg.dual) {
        writeFileSync(join(project, 'keys.cjs'), `process.stdout.write(JSON.stringify(Object.keys(require('${entry}'))));`);
        const cjs = JSON.parse((await run('node', ['keys.cjs'], { cwd: project, timeoutMs: BUDGET.node })).stdout) as string[];
        expect(values.filter((name) => !cjs.includes(name)), `${entry} (CJS)`).toEqual([]);
      }
    }
  }, sum(BUDGET.tsc, ...pkg.entries.flatMap(() => [BUDGET.node, BUDGET.node])));

  it.runIf(consumer)('runs what an integration writes against it', async () => {
    await pipeline().typeChecks.get('node16');
    const standIn = consumer!.server ? await startStandIn() : undefined;
    try {
      const env = standIn ? { PA_BASE_URL: standIn.url } : {};
      if (!existsSync(join(project, 'out/consumer.js'))) throw new Error('out/consumer.js is missing: the node16 type-check emitted no program');
      const esm = await run('node', ['out/consumer.js'], { cwd: project, timeoutMs: BUDGET.server, env });
      expect(JSON.parse(esm.stdout)).toEqual(consumer!.expected);
      if (consumer!.cjs) {
        const cjs = await run('node', ['out/consumer.cjs'], { cwd: project, timeoutMs: BUDGET.node, env });
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
