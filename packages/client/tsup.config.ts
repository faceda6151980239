import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', raw: 'src/raw.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['node:fs', 'node:fs/promises', 'node:path', 'node:http', 'node:https', 'node:stream', 'node:zlib'],
  // openapi-fetch (2.6 kB) is inlined: its CommonJS build exports `default`, which a CJS bundle
  // cannot import reliably. It stays a dependency because the type declarations refer to it.
  noExternal: ['openapi-fetch'],
});
