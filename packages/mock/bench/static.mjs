// `pa-mock --static` (Prism's library in process) against the floor: bench/floor.mjs, the same
// minimal node:http server the sandbox rows use, answering the bytes --static answers. Goal (issue
// 18): --static req/s ≥ 0.15× the floor's. Three rounds, the two servers interleaved in each, the
// ratio taken per round; MISS is printed when the median ratio misses the goal.
// Run alone (`node bench/static.mjs`, after `npm run build`) or from run.mjs: `await benchStatic()`.
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { send, startProcess, stop } from './processes.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const IN_FLIGHT = 16;
const WARMUP_MS = 300;
/** Each round alternates the two servers in short slices, so load from other processes hits both alike. */
const SLICE_MS = 400;
const SLICES = 5;
const ROUNDS = 3;
const GOAL = 0.15;

const FLOOR = fileURLToPath(new URL('./floor.mjs', import.meta.url));

/** Answers completed in `ms` with IN_FLIGHT requests always open on keep-alive connections. */
async function completed(agent, base, call, ms) {
  let count = 0;
  const stopAt = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const { status } = await send(agent, base, call);
      if (status !== call.expected) throw new Error(`${call.method} ${call.path}: expected ${call.expected}, got ${status}`);
      count += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return count;
}

/** One round: req/s of --static and of the floor, measured in alternating slices. */
async function round(mockUrl, floorUrl, call) {
  const agents = [new Agent({ keepAlive: true, maxSockets: IN_FLIGHT }), new Agent({ keepAlive: true, maxSockets: IN_FLIGHT })];
  await completed(agents[0], mockUrl, call, WARMUP_MS);
  await completed(agents[1], floorUrl, call, WARMUP_MS);
  let mock = 0;
  let floor = 0;
  for (let slice = 0; slice < SLICES; slice += 1) {
    mock += await completed(agents[0], mockUrl, call, SLICE_MS);
    floor += await completed(agents[1], floorUrl, call, SLICE_MS);
  }
  for (const agent of agents) agent.destroy();
  const seconds = (SLICES * SLICE_MS) / 1000;
  return [mock / seconds, floor / seconds];
}

const CALLS = [
  { name: 'GET /api/identities', method: 'GET', path: '/api/identities', expected: 200 },
  {
    name: 'POST /api/personnel-events/onboard',
    method: 'POST',
    path: '/api/personnel-events/onboard',
    body: JSON.stringify({ identity: { firstName: 'Daniel', lastName: 'Okafor' }, effectiveDate: '2026-03-15' }),
    expected: 201,
  },
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Measures every call; returns rows `{ name, staticRate, floorRate, ratio, goal, met }` (medians over the rounds). */
export async function benchStatic({ log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const mock = await startProcess([CLI, '--static', '--port', '0', '--quiet']);
  let floor;
  try {
    // The floor answers exactly what --static answers.
    const bodies = {};
    for (const call of CALLS) {
      const { status, text } = await send(new Agent(), mock.url, call);
      bodies[`${call.method} ${call.path}`] = { status, body: text };
    }
    floor = await startProcess([FLOOR], { FLOOR_ROUTES: JSON.stringify(bodies) });
    const rows = [];
    for (const call of CALLS) {
      const ratios = [];
      const staticRates = [];
      const floorRates = [];
      for (let r = 0; r < ROUNDS; r += 1) {
        const [s, f] = await round(mock.url, floor.url, call);
        staticRates.push(s);
        floorRates.push(f);
        ratios.push(s / f);
      }
      const ratio = median(ratios);
      const row = { name: call.name, staticRate: median(staticRates), floorRate: median(floorRates), ratio, ratios, goal: GOAL, met: ratio >= GOAL };
      rows.push(row);
      log(
        `--static ${row.name}: ${Math.round(row.staticRate)} req/s vs floor ${Math.round(row.floorRate)} req/s = ${ratio.toFixed(3)}× ` +
          `(rounds ${ratios.map((r) => r.toFixed(3)).join(', ')}; goal ≥ ${GOAL}×) ${row.met ? 'OK' : 'MISS'}`,
      );
    }
    return rows;
  } finally {
    await stop(mock.child);
    if (floor) await stop(floor.child);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchStatic();
