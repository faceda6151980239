// pa-contract: check a Permission Assist server (or the sandbox) against the spec.
// Exit codes: 0 the server honours the spec, 1 it departs from it, 2 the run could not be carried
// out (bad arguments, server unreachable), 3 pa-contract itself failed. The JUnit and JSON reports
// are written whatever happens.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, jsonReport, junitReport } from './report.js';
import { runContract, type CaseResult, type RunResult } from './runner.js';
import { resolveTarget, type Target } from './target.js';

const USAGE = `Usage: PA_TOKEN=pa_... pa-contract [--base-url https://pa.example.com] [--write] [--strict]
                   [--timeout 15] [--deadline 600] [--junit file.xml] [--json file.json] [--quiet]
  Without --base-url the bundled sandbox is tested. Give the token in PA_TOKEN: a --token argument
  is visible to every user of the machine (ps), so it is accepted but not recommended.
  --write      also run the cases that create personnel events and imports (or PA_CONTRACT_WRITE=1)
  --strict     fail on unconfirmed assumptions that differ too (choices the vendor never documented)
  --timeout S  seconds to wait for one answer (default 15); --deadline S for the whole run (default 600)
  Where write cases stage and upload: PA_CONTRACT_STAGE_APPLICATION, PA_CONTRACT_UPLOAD_APPLICATION,
  PA_CONTRACT_FILE_GROUPS (comma-separated file group ids).
--help, --version: this text, or the version.
Exit codes: 0 honours the spec, 1 departs from it, 2 bad setup or unreachable server, 3 internal error.`;

type Values = { 'base-url'?: string; token?: string; write: boolean; strict: boolean; timeout: string; deadline: string; junit?: string; json?: string; quiet: boolean; help: boolean; version: boolean };

function failSetup(message: string, values?: Values): never {
  process.stderr.write(`pa-contract: ${message}\n`);
  if (values) writeReports(values, emptyResult(values['base-url'] ?? '(none)', { setupError: message }));
  process.exit(2);
}

function emptyResult(target: string, extra: Partial<RunResult>): RunResult {
  const exitCode = extra.internalErrors?.length ? 3 : 2;
  return { target, write: false, strict: false, results: [], coverage: [], unexercised: [], internalErrors: [], durationMs: 0, passed: false, exitCode, ...extra };
}

function writeReports(values: Values, result: RunResult) {
  try {
    if (values.junit) writeFileSync(values.junit, junitReport(result));
    if (values.json) writeFileSync(values.json, jsonReport(result));
  } catch (error) {
    process.stderr.write(`pa-contract: cannot write a report: ${(error as Error).message}\n`);
  }
}

function seconds(value: string, name: string, values: Values): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) failSetup(`--${name} must be a number of seconds above 0, got "${value}"`, values);
  return n * 1000;
}

function progress(done: number, total: number, result: CaseResult) {
  const label = { passed: 'pass', warned: 'pass', failed: 'FAIL', assumption: 'assume', skipped: 'skip' }[result.outcome];
  process.stderr.write(`[${String(done).padStart(String(total).length)}/${total}] ${label.padEnd(6)} ${result.name}\n`);
}

async function main() {
  let values: Values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        write: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '15' },
        deadline: { type: 'string', default: '600' },
        junit: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    }) as { values: Values });
  } catch (error) {
    failSetup(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.version) {
    // The package's own manifest, one level above src/ and dist/ alike.
    process.stdout.write(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
    return;
  }
  const requestTimeoutMs = seconds(values.timeout, 'timeout', values);
  const deadlineMs = seconds(values.deadline, 'deadline', values);
  const env = { ...process.env };
  if (values['base-url']) env.PA_BASE_URL = values['base-url'];
  if (values.token) {
    env.PA_TOKEN = values.token;
    process.stderr.write('pa-contract: note: --token is visible to other users in the process list; prefer PA_TOKEN\n');
  }
  if (values.write) env.PA_CONTRACT_WRITE = '1';
  if (env.PA_BASE_URL) {
    let url: URL | undefined;
    try {
      url = new URL(env.PA_BASE_URL);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) failSetup(`--base-url "${env.PA_BASE_URL}" is not an http(s) URL; expected e.g. https://pa.example.com`, values);
  }

  let target: Target;
  try {
    target = await resolveTarget(env, { timeoutMs: requestTimeoutMs });
  } catch (error) {
    failSetup((error as Error).message, values);
  }
  let result: RunResult;
  try {
    result = await runContract({ ...target, strict: values.strict, requestTimeoutMs, deadlineMs, onCase: values.quiet ? undefined : progress });
  } catch (error) {
    result = emptyResult(target.baseUrl, { internalErrors: [(error as Error).stack ?? String(error)] });
  } finally {
    await target.close();
  }
  process.stdout.write(`${formatReport(result)}\n`);
  writeReports(values, result);
  process.exitCode = result.exitCode;
}

main().catch((error: unknown) => {
  process.stderr.write(`pa-contract: internal error (please report it): ${(error as Error)?.stack ?? error}\n`);
  process.exit(3);
});
