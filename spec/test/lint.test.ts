// The spec itself must pass every lint rule with zero errors and zero warnings.
//
// Each linter runs once over both files (most of a run is the linter starting and loading its
// rules), and each file is judged on its own results: Spectral names each result's file, and
// Redocly prints one report per file, in the order the files were given.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runTool, spectral } from './run-tool.js';

const FILES = ['spec/openapi.yaml', 'spec/sandbox.yaml'];

interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location?: { source?: { ref?: string } }[] }[];
}

let spectralRun: ReturnType<typeof spectral> | undefined;
const spectralResults = () => (spectralRun ??= spectral(FILES));

let redoclyRun: Promise<{ code: number; reports: RedoclyReport[] }> | undefined;
const redoclyReports = () =>
  (redoclyRun ??= runTool('redocly', ['lint', '--config', `${repoRoot}redocly.yaml`, '--format', 'json', ...FILES]).then(({ code, stdout }) => {
    // One pretty-printed JSON report per file, each closing with a `}` at the start of a line (the next one's `{` follows at once).
    const reports = stdout
      .slice(stdout.indexOf('{'))
      .split(/(?<=^\})\s*(?=\{)/m)
      .map((text) => JSON.parse(text) as RedoclyReport);
    return { code, reports };
  }));

describe.each(FILES)('%s lint', (file) => {
  it('passes Spectral (spectral:oas all, OWASP, house rules) with no problems', async () => {
    const results = (await spectralResults()).filter((r) => resolve(repoRoot, r.source) === resolve(repoRoot, file));
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it('passes Redocly lint (recommended) with no errors and no warnings', async () => {
    const { code, reports } = await redoclyReports();
    expect(reports, 'one Redocly report per file').toHaveLength(FILES.length);
    const report = reports[FILES.indexOf(file)]!;
    // The report is this file's: every problem it lists is in this file.
    expect(report.problems.flatMap((p) => p.location?.[0]?.source?.ref ?? []).filter((ref) => resolve(repoRoot, ref) !== resolve(repoRoot, file))).toEqual([]);
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    // Redocly exits 1 on any error in any file: 0 here says the run as a whole found none either.
    expect(code).toBe(reports.some((r) => r.totals.errors > 0) ? 1 : 0);
  });
});
