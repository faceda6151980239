// pa-mock starts from dist/specs.json (written at build time) instead of parsing the YAML: it must
// hold exactly the documents the YAML loads to, or the sandbox would route and validate by a stale
// description.
import { readFileSync } from 'node:fs';
import { loadSpec, sandboxSpecPath, specPath } from '@permission-assist/spec-kit';
import { describe, expect, it } from 'vitest';

describe('dist/specs.json', () => {
  it('is the API description and the control plane as the YAML loads them', () => {
    const built = JSON.parse(readFileSync(new URL('../dist/specs.json', import.meta.url), 'utf8'));
    expect(built.api).toEqual(JSON.parse(JSON.stringify(loadSpec(specPath))));
    expect(built.sandbox).toEqual(JSON.parse(JSON.stringify(loadSpec(sandboxSpecPath))));
  });
});
