// Prism is an optional dependency of the mock, loaded only for --static: the sandbox and the proxy
// never need it, and an install with --omit=optional leaves it out (Prism is most of the mock's
// installed size). When it is missing, the error names the packages to install, at the versions
// this mock was built against (read from its own manifest, so they are written down once).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const PRISM_PACKAGES = ['@stoplight/prism-http-server', '@stoplight/prism-http', '@stoplight/prism-core'] as const;

export class PrismMissingError extends Error {
  constructor(missing: string) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { optionalDependencies?: Record<string, string> };
    const wanted = PRISM_PACKAGES.map((name) => `${name}@${manifest.optionalDependencies?.[name] ?? 'latest'}`).join(' ');
    super(`--static serves the spec's examples through Prism, which is not installed (${missing} is missing). Install it next to @permission-assist/mock: npm install ${wanted}`);
    this.name = 'PrismMissingError';
  }
}

/** require() of a Prism module (or a file inside one); throws PrismMissingError naming what to install. */
export function requirePrism<T>(specifier: string): T {
  const require = createRequire(import.meta.url);
  try {
    return require(specifier) as T;
  } catch (error) {
    const missing = PRISM_PACKAGES.find((name) => specifier.startsWith(name));
    if (missing && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(missing)) throw new PrismMissingError(missing);
    throw error;
  }
}
