// pa-mock: serve the Permission Assist sandbox (default), the spec's static examples (--static), or
// check a real server's traffic against the spec (proxy).
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { parseArgs } from 'node:util';
import type { RequestLog, RunningServer } from './http/server.js';
import type { ProxyReport } from './proxy/contract-proxy.js';
import { startSandbox } from './sandbox/server.js';
import { SIZE_NAMES, type SandboxSize } from './sandbox/seed/sizes.js';

const USAGE = `Usage:
  pa-mock [--port 4010] [--host 127.0.0.1] [--allow-host NAME]... [--seed 1] [--size medium]
          [--state FILE] [--clock-start 2026-11-24T09:00:00Z] [--frozen] [--quiet]
      The sandbox: a Permission Assist server with a generated data set that changes as you use
      it, on a sandbox clock. Any bearer token of pa_ and at least one more character works
      (pa_expired... gets 401, pa_forbidden... gets 403). Control it under /sandbox (reset, clock,
      webhooks, connectors).
      --allow-host NAME           also answer to this Host name (localhost, IP addresses and the
                                  --host name are always accepted; others get 403)
      --size small|medium|large   how much data (default medium)
      --seed N                    same seed and size, same data set (default 1)
      --state FILE                keep the state in FILE across restarts
      --clock-start TIME          sandbox time to start at (default: now)
      --frozen                    the clock moves only when advanced
  pa-mock --static [--port 4010] [--host 127.0.0.1] [--allow-host NAME]... [--quiet]
      The spec's examples, served by Prism: every call answers a documented example.
  pa-mock proxy <https://your-server> [--port 4010] [--host 127.0.0.1] [--allow-host NAME]...
                [--spec FILE] [--quiet]
      Forward to a real Permission Assist server and report every request or response that
      departs from the spec (operation, field, expected, actual).
  pa-mock --help | --version`;

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
        'allow-host': { type: 'string', multiple: true, default: [] },
        port: { type: 'string', default: '4010' },
        seed: { type: 'string', default: '1' },
        size: { type: 'string', default: 'medium' },
        state: { type: 'string' },
        'clock-start': { type: 'string' },
        frozen: { type: 'boolean', default: false },
        static: { type: 'boolean', default: false },
        spec: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function logRequest(log: RequestLog) {
  process.stdout.write(`${log.method.padEnd(6)} ${log.url} -> ${log.status} (${log.ms.toFixed(0)} ms)\n`);
}

function logReport(report: ProxyReport) {
  for (const v of report.violations) process.stdout.write(`  VIOLATION ${report.operationId ?? '(no operation)'} ${v.message}\n`);
  for (const v of report.undocumented) process.stdout.write(`  note      ${report.operationId} ${v.where}${v.path}: field not in the spec\n`);
  if (report.unchecked) process.stdout.write(`  note      ${report.operationId ?? '(no operation)'} answer not checked: ${report.unchecked}\n`);
}

/**
 * GET /sandbox, for the start-up lines (counts and clock, as the control plane reports them).
 * node:http, which the server has loaded already: fetch would load undici first, 60 ms of start-up.
 */
function controlPlaneInfo(url: string, token: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = get(`${url}/sandbox`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          if (res.statusCode !== 200) throw new Error(`GET /sandbox answered ${res.statusCode}`);
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function wholeNumber(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) fail(`--${name} must be a whole number from 0 to ${max}, got "${value}"`);
  return n;
}

async function main() {
  const { values, positionals } = parse();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.version) {
    // The package's own manifest, one level above src/ and dist/ alike.
    process.stdout.write(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
    return;
  }
  const port = wholeNumber(values.port, 'port', 65535);
  const [command, upstream, ...extra] = positionals;
  if (extra.length > 0 || (command !== undefined && command !== 'proxy')) fail(`unexpected arguments: ${positionals.join(' ')}\n${USAGE}`);
  const onRequest = values.quiet ? undefined : logRequest;
  const allowHosts = values['allow-host'];

  let server: RunningServer;
  try {
    if (command === 'proxy') {
      if (!upstream) fail(`proxy needs the real server's URL\n${USAGE}`);
      // Loaded only when asked for: Prism and the proxy's validator cost the sandbox start-up time and memory.
      const { startContractProxy } = await import('./proxy/contract-proxy.js');
      server = await startContractProxy({ upstream, host: values.host, allowHosts, port, specPath: values.spec, onRequest, onReport: logReport });
      process.stdout.write(`pa-mock: checking traffic to ${upstream} against the spec at ${server.url}\n`);
    } else if (values.static) {
      const { startMockServer } = await import('./static/static-server.js');
      server = await startMockServer({ host: values.host, allowHosts, port, onRequest });
      process.stdout.write(`pa-mock: Permission Assist static mock (the spec's examples) listening on ${server.url}\n`);
    } else {
      if (!SIZE_NAMES.includes(values.size as SandboxSize)) fail(`--size must be one of ${SIZE_NAMES.join(', ')}, got "${values.size}"`);
      const seed = wholeNumber(values.seed, 'seed', 2 ** 32 - 1);
      const start = values['clock-start'];
      if (start !== undefined && !Number.isFinite(Date.parse(start))) fail(`--clock-start must be a date and time such as 2026-11-24T09:00:00Z, got "${start}"`);
      const started = performance.now();
      const sandbox = await startSandbox({
        host: values.host,
        allowHosts,
        port,
        seed,
        size: values.size as SandboxSize,
        stateFile: values.state,
        now: start,
        frozen: values.frozen,
        onRequest,
        onError: (error) => process.stderr.write(`pa-mock: ${error.message}\n`),
      });
      server = sandbox;
      const info = (await controlPlaneInfo(sandbox.url, sandbox.token)) as { counts: Record<string, number>; clock: { now: string } };
      const counts = Object.entries(info.counts).map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}`).join(', ');
      process.stdout.write(
        `pa-mock: Permission Assist sandbox listening on ${sandbox.url} (ready in ${Math.round(performance.now() - started)} ms)\n` +
          `  data:  seed ${seed}, ${values.size}: ${counts}${values.state ? ` (state in ${values.state})` : ''}\n` +
          `  clock: ${info.clock.now}${values.frozen ? ' (frozen)' : ''}; control plane at ${sandbox.url}/sandbox\n`,
      );
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
