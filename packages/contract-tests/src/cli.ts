// pa-contract: check a Permission Assist server (or the sandbox) against the spec.
// Exit codes: 0 the server honours the spec, 1 it departs from it, 2 the run could not be carried
// out (bad arguments, no API at the URL, a refused token, server unreachable), 3 pa-contract itself
// failed. The JUnit and JSON reports are written whatever happens.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, jsonReport, junitReport, junitWorkflows } from './report.js';
import { runContract, type CaseResult, type RunResult } from './runner.js';
import { inputFromEnv, resolveTarget, type Target, type TargetInput } from './target.js';
import { probe } from './probe.js';
import { formatWorkflows, runWorkflows } from './workflows.js';

const USAGE = `Usage: PA_TOKEN=pa_... pa-contract [--base-url https://pa.example.com] [--write] [--strict]
                   [--write-identity ID] [--stage-application ID] [--upload-application ID --file-group ID...]
                   [--timeout 15] [--deadline 600] [--junit file.xml] [--json file.json] [--quiet]
       pa-contract --workflows [the same target options]
  Without --base-url the bundled sandbox is tested. Give the token in PA_TOKEN: a --token argument
  is visible to every user of the machine (ps), so it is accepted but not recommended.
  --write                 also run the cases that create personnel events and imports (or PA_CONTRACT_WRITE=1);
                          what they will create is printed first, and every record created is in the report
  --write-identity ID     the existing identity write cases may act on: use a test identity (without it
                          the cases that need one are skipped)
  --stage-application ID  an application with an import schedule, to stage an import of
  --upload-application ID --file-group ID (once per group)
                          an application with a file-based connector to upload test files to (without them
                          file groups are found from earlier imports, for the refusal checks only)
  --workflows             run the business workflows (spec/workflows/*.arazzo.yaml) with redocly respect
                          instead; sandbox-only steps (approve, clock) are skipped on a real server
  --strict                fail on unconfirmed assumptions that differ too (choices the vendor never documented)
  --timeout S             seconds to wait for one answer (default 15); --deadline S for the whole run (default 600)
--help, --version: this text, or the version.
Exit codes: 0 honours the spec, 1 departs from it, 2 bad setup, no API, refused token or unreachable server, 3 internal error.`;

interface Values {
  'base-url'?: string;
  token?: string;
  write: boolean;
  'write-identity'?: string;
  'stage-application'?: string;
  'upload-application'?: string;
  'file-group'?: string[];
  strict: boolean;
  workflows: boolean;
  timeout: string;
  deadline: string;
  junit?: string;
  json?: string;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

function failSetup(message: string, values?: Values): never {
  process.stderr.write(`pa-contract: ${message}\n`);
  if (values) writeReports(values, emptyResult(values['base-url'] ?? process.env.PA_BASE_URL ?? '(none)', { setupError: message }));
  process.exit(2);
}

function emptyResult(target: string, extra: Partial<RunResult>): RunResult {
  const exitCode = extra.internalErrors?.length ? 3 : 2;
  return { target, write: false, strict: false, results: [], coverage: [], unexercised: [], created: [], internalErrors: [], durationMs: 0, passed: false, exitCode, ...extra };
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

function plan(baseUrl: string) {
  return (lines: string[]) =>
    process.stderr.write(
      [`pa-contract: --write: this run creates on ${baseUrl}:`, ...lines.map((l) => `  - ${l}`), '  The report lists every record created; imports still queued at the end are canceled.', ''].join('\n'),
    );
}

/** Flags first, then the environment, each remembered with where it came from. */
function targetInput(values: Values): TargetInput {
  const env = inputFromEnv(process.env);
  const flagged = (value: string | undefined, flag: string) => (value ? { value, from: flag } : undefined);
  const groups = values['file-group']?.flatMap((g) => g.split(',')).map((g) => g.trim()).filter(Boolean);
  return {
    ...env,
    baseUrl: flagged(values['base-url'], '--base-url') ?? env.baseUrl,
    token: flagged(values.token, '--token') ?? env.token,
    write: values.write || env.write,
    writeIdentity: values['write-identity'] ?? env.writeIdentity,
    stageApplicationId: values['stage-application'] ?? env.stageApplicationId,
    upload: values['upload-application'] || groups?.length ? { applicationId: values['upload-application'] ?? env.upload?.applicationId, fileGroupIds: groups?.length ? groups : (env.upload?.fileGroupIds ?? []), requiredGroupIds: env.upload?.requiredGroupIds ?? [] } : env.upload,
  };
}

async function main() {
  let values: Values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        write: { type: 'boolean', default: false },
        'write-identity': { type: 'string' },
        'stage-application': { type: 'string' },
        'upload-application': { type: 'string' },
        'file-group': { type: 'string', multiple: true },
        strict: { type: 'boolean', default: false },
        workflows: { type: 'boolean', default: false },
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
  if (values.token) process.stderr.write('pa-contract: note: --token is visible to other users in the process list; prefer PA_TOKEN\n');
  const input = targetInput(values);
  if (input.baseUrl) {
    let url: URL | undefined;
    try {
      url = new URL(input.baseUrl.value);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) failSetup(`${input.baseUrl.from} "${input.baseUrl.value}" is not an http(s) URL; expected e.g. https://pa.example.com`, values);
  }

  let target: Target;
  try {
    target = await resolveTarget(input, { timeoutMs: requestTimeoutMs });
  } catch (error) {
    failSetup((error as Error).message, values);
  }
  if (values.workflows) {
    process.exitCode = await workflows(target, values, requestTimeoutMs);
    return;
  }
  let result: RunResult;
  try {
    result = await runContract({ ...target, strict: values.strict, requestTimeoutMs, deadlineMs, onCase: values.quiet ? undefined : progress, onPlan: plan(target.baseUrl) });
  } catch (error) {
    result = emptyResult(target.baseUrl, { internalErrors: [(error as Error).stack ?? String(error)] });
  } finally {
    await target.close();
  }
  writeReports(values, result);
  process.exitCode = result.exitCode;
  // A run that could not start is one line, not a report of nothing.
  if (result.setupError && result.results.length === 0) {
    process.stderr.write(`pa-contract: ${result.setupError}\n`);
    return;
  }
  process.stdout.write(`${formatReport(result)}\n`);
}

/** --workflows: exit 0 all ran or were skipped with a reason, 1 one failed, 2 the target is not usable. */
async function workflows(target: Target, values: Values, requestTimeoutMs: number): Promise<number> {
  try {
    const setupError = await probe(target.baseUrl, target.token, requestTimeoutMs);
    if (setupError) {
      process.stderr.write(`pa-contract: ${setupError}\n`);
      return 2;
    }
    const results = await runWorkflows({ ...target, requestTimeoutMs });
    process.stdout.write(`${formatWorkflows(results, target.baseUrl)}\n`);
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ target: target.baseUrl, workflows: results }, null, 2)}\n`);
    if (values.junit) writeFileSync(values.junit, junitWorkflows(results, target.baseUrl));
    return results.some((r) => r.outcome === 'failed') ? 1 : 0;
  } catch (error) {
    process.stderr.write(`pa-contract: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`pa-contract: internal error (please report it): ${(error as Error)?.stack ?? error}\n`);
  process.exit(3);
});
