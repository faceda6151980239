// npm run bench: the client's overhead against raw fetch, pagination speed-up, and bundle size.
// Targets: the default client (30 s timeout) within 1.05× of raw fetch carrying the same kind of
// timeout signal, over 20k GETs; ≥ 4× faster list-all with concurrency 8 against 5 ms per page;
// ≤ 8 kB min+gzip including openapi-fetch. Run on loopback only.
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createPermissionAssistClient } from '../dist/index.js';

const TOKEN = 'pa_bench';
const identity = JSON.stringify({
  id: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', kind: 'Identity', firstName: 'Sarah', lastName: 'Chen',
  emailAddress: 'schen@firstbankofvalkyrie.com', type: 'Employee', title: 'Senior Loan Officer', company: 'First Bank of Valkyrie',
  division: 'Retail Banking', department: 'Consumer Lending', office: 'Main Street Branch', supervisorName: 'Martinez, Robert',
  createdDate: '2021-03-01T14:20:00Z', updatedDate: '2025-11-18T09:05:00Z', firstSeenDate: '2021-03-02T02:00:00Z', inactivatedDate: null, status: 'Active',
});
const TOTAL_ITEMS = 10_000;
const PAGE_LATENCY_MS = 5;

const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), { workerData: { identity, totalItems: TOTAL_ITEMS, pageLatencyMs: PAGE_LATENCY_MS } });
const port = await new Promise((resolve) => worker.once('message', resolve));
const base = `http://127.0.0.1:${port}`;
const pa = createPermissionAssistClient({ baseUrl: base, token: TOKEN });
const id = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

async function rawGet(signal) {
  const res = await fetch(`${base}/api/identities/${id}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' }, signal });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}
const clientGet = () => pa.identities.get(id);
const paNoTimeout = createPermissionAssistClient({ baseUrl: base, token: TOKEN, timeoutMs: 0 });
const clientGetNoTimeout = () => paNoTimeout.identities.get(id);

async function time(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// 1. Overhead: 20k sequential GETs each, interleaved in blocks of 250 so machine drift hits all alike.
// Raw fetch with a 30 s AbortSignal timeout is shown too: a timeout has a price of its own.
async function rawGetWithTimeout() {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await rawGet(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
const GETS = 20_000;
const BLOCK = 250;
const variants = { raw: rawGet, rawWithTimeout: rawGetWithTimeout, client: clientGet, clientNoTimeout: clientGetNoTimeout };
const totals = { raw: 0, rawWithTimeout: 0, client: 0, clientNoTimeout: 0 };
for (const fn of Object.values(variants)) await time(fn, 1000);
for (let done = 0; done < GETS; done += BLOCK) {
  for (const [name, fn] of Object.entries(variants)) totals[name] += await time(fn, BLOCK);
}
const rawMs = totals.raw;
const clientMs = totals.client;

// 2. List-all of 10,000 items (200 pages of 50), sequential vs concurrency 8.
async function listAll(concurrency) {
  const start = performance.now();
  let count = 0;
  for await (const _ of pa.identities.listAll({}, { concurrency })) count += 1;
  if (count !== TOTAL_ITEMS) throw new Error(`expected ${TOTAL_ITEMS} items, got ${count}`);
  return performance.now() - start;
}
const sequentialMs = await listAll(1);
const concurrentMs = await listAll(8);
worker.postMessage('close');

// 3. Bundle size of the main entry as an application would ship it (openapi-fetch included).
const bundle = await build({
  entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
  bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
});
const minified = bundle.outputFiles[0].contents;
const gzipKb = gzipSync(minified, { level: 9 }).length / 1024;

const vsTimeout = clientMs / totals.rawWithTimeout;
const rows = [
  ['default client vs raw fetch with the same timeout signal, 20k sequential GETs', `${vsTimeout.toFixed(3)}× (client ${(clientMs / 1000).toFixed(2)} s, raw fetch + timeout ${(totals.rawWithTimeout / 1000).toFixed(2)} s)`, '≤ 1.05×', vsTimeout <= 1.05],
  ['client with timeoutMs: 0 vs raw fetch without a signal (the layer alone)', `${(totals.clientNoTimeout / rawMs).toFixed(3)}×`, '≤ 1.05×', totals.clientNoTimeout / rawMs <= 1.05],
  ['(reference) raw fetch with a timeout signal vs without', `${(totals.rawWithTimeout / rawMs).toFixed(3)}×`, '—', true],
  ['list-all 10,000 items / 200 pages, 5 ms per page', `${(sequentialMs / concurrentMs).toFixed(2)}× faster (sequential ${sequentialMs.toFixed(0)} ms, concurrency 8 ${concurrentMs.toFixed(0)} ms)`, '≥ 4×', sequentialMs / concurrentMs >= 4],
  ['bundle, min+gzip (incl. openapi-fetch)', `${gzipKb.toFixed(2)} kB (min ${(minified.length / 1024).toFixed(1)} kB)`, '≤ 8 kB', gzipKb <= 8],
];
console.log('\n@permission-assist/client benchmark (loopback)\n');
for (const [name, value, target, met] of rows) console.log(`${met ? 'PASS' : 'MISS'}  ${name}: ${value}  [target ${target}]`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
