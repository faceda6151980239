import { defineConfig } from 'tsup';

// The two builds run side by side, so neither cleans dist: the build script empties it first.

export default defineConfig([{
  // main: what bin/pa.cjs runs; index: the library entry (run(), renderPaCommand(), exit codes).
  // The commands that few runs need (listen, completion, sandbox) are split into their own chunks
  // and loaded on demand, so `pa identities get ID` reads as little code as possible at start-up.
  entry: { main: 'src/main.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  sourcemap: false,
  clean: false,
  target: 'node20',
  platform: 'node',
},
{
  // bin/pa.cjs requires this for `pa --version`: CommonJS, and nothing but the versions in it.
  entry: { version: 'src/version.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  shims: true,
  clean: false,
  target: 'node20',
  platform: 'node',
}]);
