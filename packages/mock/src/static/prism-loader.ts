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

interface Prism {
  createPrismServer: (typeof import('@stoplight/prism-http-server'))['createServer'];
  getHttpOperationsFromSpec: (typeof import('@stoplight/prism-http'))['getHttpOperationsFromSpec'];
  createLogger: (typeof import('@stoplight/prism-core'))['createLogger'];
}

/** The three Prism modules --static uses; throws PrismMissingError naming what to install. */
export function loadPrism(): Prism {
  const require = createRequire(import.meta.url);
  const load = <T>(name: (typeof PRISM_PACKAGES)[number]): T => {
    try {
      return require(name) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(name)) throw new PrismMissingError(name);
      throw error;
    }
  };
  return {
    createPrismServer: load<typeof import('@stoplight/prism-http-server')>('@stoplight/prism-http-server').createServer,
    getHttpOperationsFromSpec: load<typeof import('@stoplight/prism-http')>('@stoplight/prism-http').getHttpOperationsFromSpec,
    createLogger: load<typeof import('@stoplight/prism-core')>('@stoplight/prism-core').createLogger,
  };
}
