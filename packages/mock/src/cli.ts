// pa-mock: serve the Permission Assist mock, or check a real server's traffic against the spec.
import { parseArgs } from 'node:util';
import { startContractProxy, type ProxyReport } from './contract-proxy.js';
import type { RequestLog } from './http.js';
import { startMockServer, type RunningServer } from './mock-server.js';

const USAGE = `Usage:
  pa-mock [--host 127.0.0.1] [--port 4010] [--spec openapi.yaml] [--quiet]
      Serve the spec's examples. Send "Authorization: Bearer pa_<anything>" with every request
      (other tokens get 401). A GET by id answers the example record with that id, or 404;
      "Prefer: code=404" or "Prefer: example=<name>" picks a documented alternative.
  pa-mock proxy <https://your-server> [--host 127.0.0.1] [--port 4010] [--quiet]
      Forward to a real Permission Assist server and report every request or response
      that departs from the spec (operation, field, expected, actual).`;

function fail(message: string): never {
  process.stderr.write(`pa-mock: ${message}\n`);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4010' },
        spec: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function logRequest(log: RequestLog) {
  process.stdout.write(`${log.method.padEnd(5)} ${log.url} -> ${log.status} (${log.ms.toFixed(0)} ms)\n`);
}

function logReport(report: ProxyReport) {
  for (const v of report.violations) process.stdout.write(`  VIOLATION ${report.operationId ?? '(no operation)'} ${v.message}\n`);
  for (const v of report.undocumented) process.stdout.write(`  note      ${report.operationId} ${v.where}${v.path}: field not in the spec\n`);
}

async function main() {
  const { values, positionals } = parse();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  const [command, upstream, ...extra] = positionals;
  if (extra.length > 0 || (command !== undefined && command !== 'proxy')) fail(`unexpected arguments: ${positionals.join(' ')}\n${USAGE}`);

  let server: RunningServer;
  try {
    if (command === 'proxy') {
      if (!upstream) fail(`proxy needs the real server's URL\n${USAGE}`);
      server = await startContractProxy({ upstream, host: values.host, port, specPath: values.spec, onRequest: values.quiet ? undefined : logRequest, onReport: logReport });
      process.stdout.write(`pa-mock: checking traffic to ${upstream} against the spec at ${server.url}\n`);
    } else {
      server = await startMockServer({ host: values.host, port, specPath: values.spec, onRequest: values.quiet ? undefined : logRequest });
      process.stdout.write(`pa-mock: Permission Assist mock listening on ${server.url}\n`);
    }
  } catch (error) {
    fail((error as Error).message);
  }

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`pa-mock: ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
