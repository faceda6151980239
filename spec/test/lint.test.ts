// The spec itself must pass every lint rule with zero errors and zero warnings.
import { describe, expect, it } from 'vitest';
import { repoRoot, runTool, spectral } from './run-tool.js';

describe.each(['spec/openapi.yaml', 'spec/sandbox.yaml'])('%s lint', (file) => {
  it('passes Spectral (spectral:oas all, OWASP, house rules) with no problems', async () => {
    const results = await spectral([file]);
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it('passes Redocly lint (recommended) with no errors and no warnings', async () => {
    const { code, stdout } = await runTool('redocly', ['lint', '--config', `${repoRoot}redocly.yaml`, '--format', 'json', file]);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect(report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(code).toBe(0);
  });
});
