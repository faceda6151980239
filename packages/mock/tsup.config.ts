import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // The spec package is private: its loader and checker are bundled in, and scripts/copy-spec.mjs
  // puts openapi.yaml and sandbox.yaml next to them (the loader finds them beside its own file).
  noExternal: ['@permission-assist/spec'],
});
