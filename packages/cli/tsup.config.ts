import { defineConfig } from 'tsup';

export default defineConfig({
  // main: what bin/pa.js runs; index: the library entry (run(), renderPaCommand(), exit codes).
  // The commands that few runs need (listen, completion, sandbox) are split into their own chunks
  // and loaded on demand, so `pa identities get ID` reads as little code as possible at start-up.
  entry: { main: 'src/main.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  sourcemap: false,
  clean: true,
  target: 'node20',
  platform: 'node',
});
