// Finds a Chromium for the browser test without any install step: PA_CHROMIUM if set, else a
// chromium/chrome on PATH, else the binary shipped inside the @sparticuz/chromium npm package
// (extracted once into node_modules/.cache, which later runs reuse; nothing is left in the temp dir).
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrowserChoice {
  executablePath: string;
  args: string[];
  /** Environment for the browser process. */
  env: Record<string, string>;
  /** Where it came from, for the test log. */
  source: string;
}

/** Flags for a quiet headless run: no sandbox (root in CI), no background calls to the vendor. */
const QUIET = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
/**
 * The packaged build's own flags, minus those that weaken page security and --single-process
 * (made for AWS Lambda: closing one page would close the whole browser).
 */
const DROPPED = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ON_PATH) if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The version of the package a resolved entry file belongs to (its package.json is not exported). */
function packageVersion(entry: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (name === '@sparticuz/chromium') return version;
  }
  throw new Error(`cannot find the package.json of @sparticuz/chromium above ${entry}`);
}

/**
 * The packaged Chromium inflates its brotli archives into os.tmpdir(). Pointing TMPDIR at a
 * staging folder for that one call, then renaming it into place, gives a persistent cache that an
 * interrupted extraction can never leave half-written.
 */
async function packaged(): Promise<BrowserChoice> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const cacheRoot = fileURLToPath(new URL('../../node_modules/.cache/pa-chromium/', import.meta.url));
  const version = packageVersion(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
  const final = join(cacheRoot, version);
  if (!existsSync(join(final, 'chromium'))) {
    const staging = `${final}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      await chromium.executablePath();
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    // The package's own fonts.conf points at /tmp; this one keeps fonts and their cache in the cache folder.
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(final, 'fonts', 'fonts')}</dir>\n  <cachedir>${join(final, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
  }
  const args = chromium.args.filter((arg) => !DROPPED.has(arg) && !arg.startsWith('--headless'));
  return {
    executablePath: join(final, 'chromium'),
    args: [...args, ...QUIET],
    env: { ...process.env, FONTCONFIG_FILE: join(final, 'fonts.conf') } as Record<string, string>,
    source: `@sparticuz/chromium ${version}`,
  };
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
  if (env.PA_CHROMIUM) {
    if (!executable(env.PA_CHROMIUM)) throw new Error(`PA_CHROMIUM=${env.PA_CHROMIUM} is not an executable file`);
    return { executablePath: env.PA_CHROMIUM, args: QUIET, env: { ...env } as Record<string, string>, source: 'PA_CHROMIUM' };
  }
  const system = onPath();
  if (system) return { executablePath: system, args: QUIET, env: { ...env } as Record<string, string>, source: system };
  return packaged();
}
