// npm run bench: the sandbox against its floor, measured in the same run. The floor of a request is
// a minimal node:http server (bench/floor.mjs, its own process, like the sandbox) answering the same
// bytes the sandbox answers; the floor of a list on a large data set is the same list on a small one;
// of a filtered list, the unfiltered one; of writes with --state, writes without. Every row is a
// ratio, measured three rounds interleaved (floor and sandbox back to back in each round), with the
// median printed and MISS where the goal is not met. The load generator is this process: keep-alive
// connections, a fixed number of requests in flight. The --static rows come from bench/static.mjs
// (the same floor, slices interleaved), printed in the same row format. bench/processes.mjs starts,
// stops and calls the servers for both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { cpuMs, send, startProcess, stop, stopAll } from './processes.mjs';
import { benchStatic } from './static.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor.mjs', import.meta.url));
const IN_FLIGHT = 16;
const WARMUP_MS = 300;
const MEASURE_MS = 1500;
const ROUNDS = 3;
const WRITES = 100_000;

const startMock = (args) => startProcess([CLI, '--port', '0', '--quiet', ...args]);
const startFloor = (routes) => startProcess([FLOOR], { FLOOR_ROUTES: JSON.stringify(routes) });

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

/**
 * Requests per second over MEASURE_MS with `inFlight` requests always open, and the median latency;
 * every answer must be `expected`. With `pid`, also the server's CPU time per request over the same
 * span (µs): unlike a rate, it hardly moves with what else the machine runs.
 */
async function measure(base, make, expected, { inFlight = IN_FLIGHT, measureMs = MEASURE_MS, count: until, pid } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  let count = 0;
  let counting = false;
  const latencies = [];
  let stopAt = Infinity;
  const worker = async () => {
    while (performance.now() < stopAt && (until === undefined || count < until)) {
      const started = performance.now();
      const { status, text } = await send(agent, base, make());
      if (status !== expected) throw new Error(`${base}: expected ${expected}, got ${status}: ${text.slice(0, 300)}`);
      if (counting) {
        count += 1;
        latencies.push(performance.now() - started);
      }
    }
  };
  const began = performance.now();
  let cpuAtStart = 0;
  if (until === undefined) {
    stopAt = began + WARMUP_MS + measureMs;
    setTimeout(() => {
      counting = true;
      if (pid) cpuAtStart = cpuMs(pid);
    }, WARMUP_MS);
  } else counting = true;
  await Promise.all(Array.from({ length: inFlight }, worker));
  const cpuUs = pid ? ((cpuMs(pid) - cpuAtStart) * 1000) / count : NaN;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = until === undefined ? measureMs / 1000 : (performance.now() - began) / 1000;
  return { rate: count / seconds, median: latencies[Math.floor(latencies.length / 2)] ?? NaN, count, cpuUs };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let hire = 0;
const onboard = (effectiveDate) => () => ({
  method: 'POST',
  path: '/api/personnel-events/onboard',
  body: JSON.stringify({ identity: { firstName: 'Bench', lastName: `Hire ${(hire += 1)}`, department: 'Operations' }, effectiveDate }),
});
const get = (path) => () => ({ method: 'GET', path });

const work = mkdtempSync(join(tmpdir(), 'pa-mock-bench-'));
const rows = [];
const row = (name, ratios, detail, goal, met) => rows.push({ name, ratio: median(ratios), ratios, detail, goal, met: met(median(ratios)) });

try {
  // --- Requests against the floor, the lists' filters, writes with --state (medium data set) ---
  const medium = await startMock(['--size', 'medium']);
  const durable = await startMock(['--size', 'medium', '--state', join(work, 'state.json')]);
  const first = async (path) => (await send(new Agent(), medium.url, { method: 'GET', path })).text;
  const identities = JSON.parse(await first('/api/identities?page=2'));
  const byId = `/api/identities/${identities.items[0].id}`;
  const sampleOnboard = (await send(new Agent(), medium.url, onboard(inDays(30))())).text;
  const imports = JSON.parse(await first('/api/application-imports'));
  const floorRoutes = {
    'GET /api/identities?page=2': { status: 200, body: JSON.stringify(identities) },
    [`GET ${byId}`]: { status: 200, body: await first(byId) },
    'POST /api/personnel-events/onboard': { status: 201, body: sampleOnboard },
  };
  const floor = await startFloor(floorRoutes);

  const versusFloor = [
    ['GET list (/api/identities?page=2)', get('/api/identities?page=2'), 200],
    ['GET by id (/api/identities/{id})', get(byId), 200],
    ['POST onboard', onboard(inDays(30)), 201],
  ];
  const statuses = ['Open', 'Pending', 'Completed', 'Scheduled'];
  let turn = 0;
  const rotate = (paths) => () => ({ method: 'GET', path: paths[(turn += 1) % paths.length] });
  const filtered = [
    ['/api/access-requests', rotate(statuses.map((s) => `/api/access-requests?status=${s}&type=Add`))],
    ['/api/personnel-events', rotate(statuses.map((s) => `/api/personnel-events?status=${s}&type=Onboard`))],
    ['/api/application-imports', rotate([...new Set(imports.items.map((i) => i.application.id))].slice(0, 4).map((id) => `/api/application-imports?applicationId=${id}`))],
  ];
  const results = {};
  const add = (key, value) => (results[key] ??= []).push(value);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, make, expected] of versusFloor) {
      add(`${name} floor`, await measure(floor.url, make, expected, { pid: floor.child.pid }));
      add(`${name} sandbox`, await measure(medium.url, make, expected, { pid: medium.child.pid }));
    }
    for (const [path, make] of filtered) {
      add(`${path} unfiltered`, await measure(medium.url, get(path), 200));
      add(`${path} filtered`, await measure(medium.url, make, 200));
    }
    add('write memory', await measure(medium.url, onboard(inDays(30)), 201));
    add('write state', await measure(durable.url, onboard(inDays(30)), 201));
  }
  const rates = (key) => results[key].map((r) => r.rate);
  const ratios = (a, b) => rates(a).map((rate, i) => rate / rates(b)[i]);
  const reqs = (key) => `${Math.round(median(rates(key)))} req/s`;
  const cpu = (key) => `${Math.round(median(results[key].map((r) => r.cpuUs)))} µs CPU/req`;
  for (const [name] of versusFloor) {
    const detail = `sandbox ${reqs(`${name} sandbox`)} (${cpu(`${name} sandbox`)}), floor ${reqs(`${name} floor`)} (${cpu(`${name} floor`)})`;
    row(`${name}, sandbox vs floor`, ratios(`${name} sandbox`, `${name} floor`), detail, '≥ 0.6×', (r) => r >= 0.6);
  }
  for (const [path] of filtered) {
    row(`${path} filtered vs unfiltered`, ratios(`${path} filtered`, `${path} unfiltered`), `filtered ${reqs(`${path} filtered`)}, unfiltered ${reqs(`${path} unfiltered`)}`, '≥ 0.8×', (r) => r >= 0.8);
  }
  row('POST onboard with --state vs without', ratios('write state', 'write memory'), `--state ${reqs('write state')}, in memory ${reqs('write memory')}; every answer waited for its fdatasync`, '≥ 0.5×', (r) => r >= 0.5);
  await Promise.all([stop(medium.child), stop(durable.child), stop(floor.child)]);

  // --- List latency, large data set vs small (one request at a time) ---
  const small = await startMock(['--size', 'small']);
  const large = await startMock(['--size', 'large']);
  const latency = { small: [], large: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [size, server] of [['small', small], ['large', large]]) latency[size].push((await measure(server.url, get('/api/access-requests?page=2'), 200, { inFlight: 1, measureMs: 1000 })).median);
  }
  row(
    'GET /api/access-requests?page=2 latency, large vs small data set',
    latency.large.map((ms, i) => ms / latency.small[i]),
    `large ${median(latency.large).toFixed(3)} ms, small ${median(latency.small).toFixed(3)} ms (median, one request at a time)`,
    '≤ 1.05×',
    (r) => r <= 1.05,
  );
  await Promise.all([stop(small.child), stop(large.child)]);

  // --- Start-up of the medium data set, best of 3, against a process that starts the floor ---
  const startups = { sandbox: [], floor: [], sandboxCpu: [], floorCpu: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const f = await startFloor({});
    startups.floor.push(f.readyMs);
    startups.floorCpu.push(f.readyCpuMs);
    await stop(f.child);
    const s = await startMock(['--size', 'medium']);
    startups.sandbox.push(s.readyMs);
    startups.sandboxCpu.push(s.readyCpuMs);
    await stop(s.child);
  }
  const best = Math.min(...startups.sandbox);
  rows.push({
    name: 'start-up, medium data set (process start to listening, best of 3)',
    ratio: best / Math.min(...startups.floor),
    detail:
      `${Math.round(best)} ms (runs ${startups.sandbox.map(Math.round).join(', ')} ms; CPU used ${startups.sandboxCpu.join(', ')} ms); ` +
      `floor process ${Math.round(Math.min(...startups.floor))} ms (CPU ${Math.min(...startups.floorCpu)} ms)`,
    goal: '≤ 500 ms',
    met: best <= 500,
  });

  // --- Memory after 100,000 writes (onboardings effective today, so they are approved and create people and requests) ---
  const longRun = await startMock(['--size', 'medium']);
  const idle = await startFloor({});
  const start = rssMb(longRun.child.pid);
  const at = {};
  let rate = 0;
  for (const [from, to] of [[0, 20_000], [20_000, 60_000], [60_000, WRITES]]) {
    rate = (await measure(longRun.url, onboard(inDays(0)), 201, { count: to - from })).rate;
    at[to] = rssMb(longRun.child.pid);
  }
  const floorRss = rssMb(idle.child.pid);
  // Bounded means the growth stops: the last 40,000 writes may not add more than a tenth.
  rows.push({
    name: `RSS after ${WRITES.toLocaleString('en-US')} POST onboard, vs after 60,000`,
    ratio: at[WRITES] / at[60_000],
    detail: `${at[WRITES].toFixed(0)} MB (at start ${start.toFixed(0)} MB, after 20,000 ${at[20_000].toFixed(0)} MB, after 60,000 ${at[60_000].toFixed(0)} MB; ${Math.round(rate)} req/s); floor process ${floorRss.toFixed(0)} MB`,
    goal: '≤ 1.10× (bounded)',
    met: at[WRITES] <= 1.1 * at[60_000],
  });
  await Promise.all([stop(longRun.child), stop(idle.child)]);

  // --- --static (Prism in process) against its own floor on the same bytes (bench/static.mjs) ---
  for (const r of await benchStatic({ log: () => {} })) {
    rows.push({
      name: `--static ${r.name}, vs floor`,
      ratio: r.ratio,
      ratios: r.ratios,
      detail: `--static ${Math.round(r.staticRate)} req/s, floor ${Math.round(r.floorRate)} req/s`,
      goal: `≥ ${r.goal}×`,
      met: r.met,
    });
  }
} finally {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
}

console.log(`\n@permission-assist/mock benchmark (loopback, ${IN_FLIGHT} requests in flight, ${ROUNDS} rounds interleaved, ${MEASURE_MS / 1000} s per measurement; median ratio, rounds in brackets)\n`);
for (const { name, ratio, ratios, detail, goal, met } of rows) {
  const each = ratios ? ` [${ratios.map((r) => r.toFixed(2)).join(', ')}]` : '';
  console.log(`${met ? 'PASS' : 'MISS'}  ${name}: ${ratio.toFixed(2)}×${each} — ${detail}  [goal ${goal}]`);
}
process.exitCode = rows.every((r) => r.met) ? 0 : 1;
