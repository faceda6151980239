// npm run bench: what a scheduler pays for launching pa once per run, against floors measured in
// this same run on this machine (ratios carry over between machines, milliseconds do not).
//   1. `pa identities get ID` against the sandbox vs a bare `node -e` doing the same fetch (<= 1.5x)
//   2. `pa --version` vs `node -e 0` (<= 1.3x)
//   3. `pa ... --all --output ndjson` over 10,000 items: peak RSS flat (10,000 vs 1,000 items, <= 1.25x)
// Each pair is run interleaved, many times; the medians are compared. MISS is printed where a
// target is missed (the run still completes, and exits 1).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@permission-assist/mock';

const bin = fileURLToPath(new URL('../bin/pa.cjs', import.meta.url));
const RUNS = Number(process.env.PA_BENCH_RUNS ?? 21);
const TOKEN = 'pa_bench';

function time(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function compare(name, floorArgs, paArgs, env, target) {
  const floor = [];
  const measured = [];
  await time(floorArgs, env);
  await time(paArgs, env);
  for (let i = 0; i < RUNS; i += 1) {
    floor.push(await time(floorArgs, env));
    measured.push(await time(paArgs, env));
  }
  const ratio = median(measured) / median(floor);
  const verdict = ratio <= target ? 'ok' : 'MISS';
  console.log(`${name.padEnd(44)} pa ${median(measured).toFixed(1)} ms, floor ${median(floor).toFixed(1)} ms: ${ratio.toFixed(2)}x (target <= ${target}x) ${verdict}`);
  return verdict === 'ok';
}

/** Peak RSS (kB) of a pa run, read by the child itself at exit through a preloaded module. */
function peakRss(args, env) {
  return new Promise((resolve, reject) => {
    const probe = 'process.on("exit",()=>process.stderr.write("\\nRSS "+process.resourceUsage().maxRSS+"\\n"))';
    const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, bin, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      for (const byte of chunk) if (byte === 10) lines += 1;
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const rss = /RSS (\d+)/.exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`pa exited ${code}: ${stderr}`));
      else resolve({ rssKb: Number(rss[1]), lines });
    });
  });
}

/** A list endpoint of `items` identities in pages of 50, built from one record. */
async function pagesServer(template) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const items = Number(url.pathname.split('/')[1]);
    const page = Number(url.searchParams.get('page') ?? 1);
    const totalPages = Math.ceil(items / 50);
    const body = JSON.stringify({
      items: Array.from({ length: Math.min(50, items - (page - 1) * 50) }, (_, i) => ({ ...template, id: `${template.id.slice(0, 24)}${String((page - 1) * 50 + i).padStart(12, '0')}` })),
      totalCount: items,
      page,
      pageSize: 50,
      totalPages,
    });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: (items) => `http://127.0.0.1:${server.address().port}/${items}` };
}

const sandbox = await startSandbox({ size: 'small' });
let pages;
let ok = true;
try {
  const env = { PA_BASE_URL: sandbox.url, PA_TOKEN: TOKEN };
  const list = await (await fetch(`${sandbox.url}/api/identities`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  const id = list.items[0].id;
  const fetchScript = `fetch(${JSON.stringify(`${sandbox.url}/api/identities/${id}`)},{headers:{authorization:'Bearer ${TOKEN}',accept:'application/json'}}).then(r=>r.text()).then(t=>process.stdout.write(t))`;
  console.log(`pa bench: ${RUNS} interleaved runs each, node ${process.versions.node}`);
  ok = (await compare('pa identities get ID vs node -e fetch', ['-e', fetchScript], [bin, 'identities', 'get', id], env, 1.5)) && ok;
  ok = (await compare('pa --version vs node -e 0', ['-e', '0'], [bin, '--version'], {}, 1.3)) && ok;

  pages = await pagesServer(list.items[0]);
  const small = await peakRss(['identities', 'list', '--all', '--output', 'ndjson'], { PA_BASE_URL: pages.url(1000), PA_TOKEN: TOKEN });
  const large = await peakRss(['identities', 'list', '--all', '--output', 'ndjson'], { PA_BASE_URL: pages.url(10000), PA_TOKEN: TOKEN });
  if (small.lines !== 1000 || large.lines !== 10000) throw new Error(`expected 1,000 and 10,000 lines, got ${small.lines} and ${large.lines}`);
  const growth = large.rssKb / small.rssKb;
  const verdict = growth <= 1.25 ? 'ok' : 'MISS';
  ok = verdict === 'ok' && ok;
  console.log(`${'--all -o ndjson, 10,000 vs 1,000 items'.padEnd(44)} peak RSS ${(large.rssKb / 1024).toFixed(1)} MB vs ${(small.rssKb / 1024).toFixed(1)} MB: ${growth.toFixed(2)}x (target <= 1.25x) ${verdict}`);
} finally {
  pages?.server.close();
  await sandbox.close();
}
process.exitCode = ok ? 0 : 1;
