// pa-contract: check a Permission Assist server (or the mock) against the spec.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, jsonReport, junitReport } from './report.js';
import { runContract } from './runner.js';
import { resolveTarget } from './target.js';

const USAGE = `Usage: pa-contract [--base-url https://pa.example.com --token pa_...] [--write] [--junit file.xml] [--json file.json]
  Without --base-url the bundled mock is tested. The token may also come from PA_TOKEN (it is never printed).
  --write (or PA_CONTRACT_WRITE=1) also runs the cases that create personnel events and imports.`;

function fail(message: string): never {
  process.stderr.write(`pa-contract: ${message}\n`);
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        write: { type: 'boolean', default: false },
        junit: { type: 'string' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = { ...process.env };
  if (values['base-url']) env.PA_BASE_URL = values['base-url'];
  if (values.token) env.PA_TOKEN = values.token;
  if (values.write) env.PA_CONTRACT_WRITE = '1';
  if (env.PA_BASE_URL) {
    try {
      new URL(env.PA_BASE_URL);
    } catch {
      fail(`--base-url "${env.PA_BASE_URL}" is not a URL; expected e.g. https://pa.example.com`);
    }
  }
  let target;
  try {
    target = await resolveTarget(env);
  } catch (error) {
    fail((error as Error).message);
  }
  try {
    const result = await runContract(target);
    process.stdout.write(`${formatReport(result)}\n`);
    if (values.junit) writeFileSync(values.junit, junitReport(result));
    if (values.json) writeFileSync(values.json, jsonReport(result));
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    await target.close();
  }
}

void main();
