// `pa-mock --static` (Prism's library in process) against the floor: a minimal node:http server in
// its own process answering a precomputed body (the same bytes --static answers). Goal (issue 18):
// --static req/s ≥ 0.15× the floor's. Three rounds, the two servers interleaved in each, the ratio
// taken per round; MISS is printed when the median ratio misses the goal.
// Run alone (`node bench/static.mjs`, after `npm run build`) or from run.mjs: `await benchStatic()`.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const TOKEN = 'pa_bench';
const IN_FLIGHT = 16;
const WARMUP_MS = 500;
const MEASURE_MS = 2000;
const ROUNDS = 3;
const GOAL = 0.15;

const FLOOR = `
const { createServer } = require('node:http');
const bodies = JSON.parse(process.env.BODIES);
const server = createServer((req, res) => {
  const answer = bodies[req.method + ' ' + req.url];
  req.resume();
  req.on('end', () => {
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

function spawnServer(args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening:\n${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function send(agent, base, { method, path, body }) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = request(new URL(path, base), { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function throughput(base, call, expected) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  let count = 0;
  let counting = false;
  const stopAt = performance.now() + WARMUP_MS + MEASURE_MS;
  setTimeout(() => (counting = true), WARMUP_MS);
  const worker = async () => {
    while (performance.now() < stopAt) {
      const { status } = await send(agent, base, call);
      if (status !== expected) throw new Error(`${call.method} ${call.path}: expected ${expected}, got ${status}`);
      if (counting) count += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  agent.destroy();
  return count / (MEASURE_MS / 1000);
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
  const mock = await spawnServer([CLI, '--static', '--port', '0', '--quiet']);
  let floor;
  try {
    // The floor answers exactly what --static answers.
    const bodies = {};
    for (const call of CALLS) bodies[`${call.method} ${call.path}`] = await send(new Agent(), mock.url, call);
    floor = await spawnServer(['-e', FLOOR], { BODIES: JSON.stringify(bodies) });
    const rows = [];
    for (const call of CALLS) {
      const ratios = [];
      const staticRates = [];
      const floorRates = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const s = await throughput(mock.url, call, call.expected);
        const f = await throughput(floor.url, call, call.expected);
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
