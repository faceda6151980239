// npm run bench: the client against the floor of its job, measured in the same run.
// Floors: raw fetch (for the main entry, which sends through fetch), and node:http with a keep-alive
// agent and undici.request (for `@permission-assist/client/node`). Each row is a ratio to its floor:
// three rounds, every variant interleaved in blocks within a round so that machine drift hits all
// alike; the median round is judged, all three printed. Bundle sizes and what tree-shaking leaves
// out close the table. Loopback only; needs `npm run build` first.
import { Agent, request as httpRequest } from 'node:http';
import { fork } from 'node:child_process';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Pool } from 'undici';
import { createPermissionAssistClient as createWithFetch } from '../dist/index.js';
import { createPermissionAssistClient as createOnNode } from '../dist/node.js';

const TOKEN = 'pa_bench';
const ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const sarah = {
  id: ID, kind: 'Identity', firstName: 'Sarah', lastName: 'Chen', emailAddress: 'schen@firstbankofvalkyrie.com', type: 'Employee',
  title: 'Senior Loan Officer', company: 'First Bank of Valkyrie', division: 'Retail Banking', department: 'Consumer Lending',
  office: 'Main Street Branch', supervisorName: 'Martinez, Robert', createdDate: '2021-03-01T14:20:00Z', updatedDate: '2025-11-18T09:05:00Z',
  firstSeenDate: '2021-03-02T02:00:00Z', inactivatedDate: null, status: 'Active',
};
const identity = JSON.stringify(sarah);
// A realistic list page: 50 identities, about 25 KB.
const listItems = Array.from({ length: 50 }, (_, i) => ({ ...sarah, id: `${ID.slice(0, -4)}${String(i).padStart(4, '0')}`, emailAddress: `user${i}@firstbankofvalkyrie.com` }));
const listPage = JSON.stringify({ items: listItems, totalCount: 5000, page: 1, pageSize: 50, totalPages: 100 });
const TOTAL_ITEMS = 10_000;
const PAGE_LATENCY_MS = 5;

const server = fork(new URL('./server.mjs', import.meta.url), [JSON.stringify({ identity, listPage, totalItems: TOTAL_ITEMS, pageLatencyMs: PAGE_LATENCY_MS })]);
const port = await new Promise((resolve) => server.once('message', resolve));
const base = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
const byIdPath = `/api/identities/${ID}`;
const listPath = '/api/identities?page=1';

// The floors: each reads the whole body and parses the JSON, as the client does.
const agent = new Agent({ keepAlive: true });
const nodeHttp = (path) => new Promise((resolve, reject) => {
  const req = httpRequest(`${base}${path}`, { headers, agent }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end();
});
const pool = new Pool(base, { connections: 1 });
const undiciRequest = async (path) => (await pool.request({ path, method: 'GET', headers })).body.json();
const rawFetch = async (path) => (await fetch(`${base}${path}`, { headers })).json();
// The default client has a 30 s timeout, which fetch can only honour through an AbortSignal; raw
// fetch carrying the same kind of signal is its floor (the signal alone costs fetch 5-30%).
async function rawFetchWithTimeout(path) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await (await fetch(`${base}${path}`, { headers, signal: controller.signal })).json();
  } finally {
    clearTimeout(timer);
  }
}

const paFetch = createWithFetch({ baseUrl: base, token: TOKEN });
const paFetchNoTimeout = createWithFetch({ baseUrl: base, token: TOKEN, timeoutMs: 0 });
const paNode = createOnNode({ baseUrl: base, token: TOKEN });

const chunkedPath = '/api/identities?chunked=1&page=1';
const jobs = {
  'get by id': {
    calls: 3200,
    variants: {
      'raw fetch': () => rawFetch(byIdPath), 'raw fetch + timeout': () => rawFetchWithTimeout(byIdPath), 'node:http': () => nodeHttp(byIdPath), 'undici.request': () => undiciRequest(byIdPath),
      client: () => paFetch.identities.get(ID), 'client, timeoutMs 0': () => paFetchNoTimeout.identities.get(ID), 'client/node': () => paNode.identities.get(ID),
    },
  },
  'list page': {
    calls: 800,
    variants: {
      'raw fetch': () => rawFetch(listPath), 'raw fetch + timeout': () => rawFetchWithTimeout(listPath), 'node:http': () => nodeHttp(listPath), 'undici.request': () => undiciRequest(listPath),
      client: () => paFetch.identities.list({ page: 1 }), 'client, timeoutMs 0': () => paFetchNoTimeout.identities.list({ page: 1 }), 'client/node': () => paNode.identities.list({ page: 1 }),
    },
  },
  'list page, chunked': {
    calls: 480,
    variants: {
      'raw fetch': () => rawFetch(chunkedPath), 'raw fetch + timeout': () => rawFetchWithTimeout(chunkedPath), 'node:http': () => nodeHttp(chunkedPath),
      client: () => paFetch.identities.list({ chunked: 1, page: 1 }), 'client/node': () => paNode.identities.list({ chunked: 1, page: 1 }),
    },
  },
};

async function time(fn, n) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) await fn();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

const ROUNDS = 3;
const BLOCKS = 32;
// rounds[r][job][variant] = the variant's time in each block of that round; blocks run every variant
// back to back (in a rotating order), so a block's ratio compares runs made under the same load.
const rounds = [];
for (const job of Object.values(jobs)) for (const fn of Object.values(job.variants)) await time(fn, Math.ceil(job.calls / 4));
for (let round = 0; round < ROUNDS; round += 1) {
  const result = {};
  for (const [name, job] of Object.entries(jobs)) {
    const entries = Object.entries(job.variants);
    result[name] = Object.fromEntries(entries.map(([v]) => [v, []]));
    for (let block = 0; block < BLOCKS; block += 1) {
      for (let i = 0; i < entries.length; i += 1) {
        const [variant, fn] = entries[(i + block) % entries.length];
        result[name][variant].push(await time(fn, job.calls / BLOCKS));
      }
    }
  }
  rounds.push(result);
}

// list-all of 10,000 items (200 pages of 50, 5 ms each), sequential vs concurrency 8.
async function listAll(concurrency) {
  const start = performance.now();
  let count = 0;
  for await (const _ of paNode.identities.listAll({ slow: 1 }, { concurrency })) count += 1;
  if (count !== TOTAL_ITEMS) throw new Error(`expected ${TOTAL_ITEMS} items, got ${count}`);
  return performance.now() - start;
}
const sequentialMs = await listAll(1);
const concurrentMs = await listAll(8);
server.send('close');
await pool.close();
agent.destroy();

// Bundle size as an application would ship it: esbuild for the browser, minified, gzip -9, with
// code splitting on, as application bundlers do for import(). What a page loads up front is the entry
// chunk and every chunk it imports statically, each gzipped on its own (as each is served, so a shared
// chunk costs its own gzip overhead); the parts the client loads on first use (waiters, the upload
// form, the redirect policy, the note of a refused call) are the other chunks. The same bundle with
// splitting off, everything in one file, is printed for reference.
const dist = new URL('../dist/', import.meta.url).pathname;
const gzipKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1024;
async function bundled(contents) {
  const common = { stdin: { contents, resolveDir: dist, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' };
  const split = await build({ ...common, splitting: true, outdir: 'bundle', absWorkingDir: dist, metafile: true });
  const outputs = split.metafile.outputs;
  const upfront = new Set();
  const visit = (file) => {
    if (upfront.has(file)) return;
    upfront.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(outputs).find((file) => outputs[file].entryPoint === '<stdin>'));
  const chunks = split.outputFiles.map((file) => ({ name: relative(dist, file.path), kb: gzipKb(file.contents), text: file.text }));
  const sum = (list) => list.reduce((total, chunk) => total + chunk.kb, 0);
  const lazy = chunks.filter((chunk) => !upfront.has(chunk.name));
  const oneFile = await build(common);
  return {
    kb: sum(chunks.filter((chunk) => upfront.has(chunk.name))),
    upfrontFiles: upfront.size,
    lazyKb: sum(lazy),
    lazy: lazy.map((chunk) => `${chunk.name.replace(/^bundle\/|-[A-Z0-9]{8}(-[A-Z0-9]{8})?\.js$/g, '')} ${chunk.kb.toFixed(2)}`).join(', '),
    oneFileKb: gzipKb(oneFile.outputFiles[0].contents),
    text: chunks.map((chunk) => chunk.text).join('\n'),
  };
}
const whole = await bundled(`export * from './index.js';`);
const onlyCreate = await bundled(`import { createPermissionAssistClient } from './index.js'; console.log(createPermissionAssistClient);`);
// openapi-fetch's own option names: in the bundle only when `raw` is.
const hasOpenapiFetch = (text) => text.includes('querySerializer');
const rawEntry = await bundled(`import { rawClient } from './raw.js'; console.log(rawClient);`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sum = (values) => values.reduce((a, b) => a + b, 0);
/** Per round: the median over its blocks of variant time / floor time (wall, or CPU). */
const ratio = (job, variant, floor, kind = 'wall') => rounds.map((r) => median(r[job][variant].map((t, block) => t[kind] / r[job][floor][block][kind])));
const perCall = (job, variant) => (median(rounds.map((r) => sum(r[job][variant].map((t) => t.wall)))) / jobs[job].calls) * 1000;
const rows = [];
function ratioRow(label, job, variant, floor, goal) {
  const values = ratio(job, variant, floor);
  const m = median(values);
  const cpu = median(ratio(job, variant, floor, 'cpu'));
  rows.push([label, `${m.toFixed(2)}× (rounds ${values.map((v) => v.toFixed(2)).join(', ')}; CPU ${cpu.toFixed(2)}×; ${perCall(job, variant).toFixed(0)} vs ${perCall(job, floor).toFixed(0)} µs per call)`, goal ? `≤ ${goal}×` : '—', goal ? m <= goal : true]);
}
for (const job of ['get by id', 'list page']) {
  ratioRow(`main entry (fetch, default 30 s timeout), ${job}, vs raw fetch with the same timeout signal`, job, 'client', 'raw fetch + timeout', 1.05);
  ratioRow(`main entry (fetch, timeoutMs: 0), ${job}, vs raw fetch`, job, 'client, timeoutMs 0', 'raw fetch', 1.05);
  ratioRow(`(reference) main entry (default), ${job}, vs raw fetch without a signal`, job, 'client', 'raw fetch');
}
ratioRow('main entry (default), list page chunked (counted under the size cap), vs raw fetch with the same timeout signal', 'list page, chunked', 'client', 'raw fetch + timeout', 1.05);
for (const job of ['get by id', 'list page', 'list page, chunked']) ratioRow(`client/node, ${job}, vs node:http keep-alive`, job, 'client/node', 'node:http', 1.2);
ratioRow('(reference) client/node, get by id, vs undici.request', 'get by id', 'client/node', 'undici.request');
ratioRow('(reference) client/node, list page, vs undici.request', 'list page', 'client/node', 'undici.request');
ratioRow('(floor) raw fetch, get by id, vs node:http', 'get by id', 'raw fetch', 'node:http');
ratioRow('(floor) raw fetch, list page, vs node:http', 'list page', 'raw fetch', 'node:http');
rows.push(['list-all 10,000 items / 200 pages, 5 ms per page, concurrency 8 vs sequential', `${(sequentialMs / concurrentMs).toFixed(2)}× faster (sequential ${sequentialMs.toFixed(0)} ms, concurrency 8 ${concurrentMs.toFixed(0)} ms)`, '≥ 4×', sequentialMs / concurrentMs >= 4]);
const upfrontNote = (b) => `${b.upfrontFiles} file${b.upfrontFiles === 1 ? '' : 's'} loaded up front; on first use: ${b.lazy || 'none'}`;
rows.push(['bundle, main entry, min+gzip, loaded up front', `${whole.kb.toFixed(2)} kB (${upfrontNote(whole)})`, '≤ 8 kB', whole.kb <= 8]);
rows.push(['bundle, importing only createPermissionAssistClient, loaded up front', `${onlyCreate.kb.toFixed(2)} kB (${upfrontNote(onlyCreate)})`, '≤ 8 kB', onlyCreate.kb <= 8]);
rows.push(['(reference) bundle, main entry, everything in one file (code splitting off)', `${whole.oneFileKb.toFixed(2)} kB`, '—', true]);
rows.push(['tree-shaking: openapi-fetch left out of the main entry', hasOpenapiFetch(whole.text) ? 'included' : 'left out', 'left out', !hasOpenapiFetch(whole.text)]);
rows.push(['(reference) bundle, rawClient from @permission-assist/client/raw alone (openapi-fetch in it)', `${rawEntry.kb.toFixed(2)} kB`, '—', hasOpenapiFetch(rawEntry.text)]);

console.log(`\n@permission-assist/client benchmark (loopback, Node ${process.versions.node}; ${ROUNDS} rounds of ${BLOCKS} interleaved blocks, ratio = median over blocks, median round judged)\n`);
for (const [name, value, target, met] of rows) console.log(`${met ? 'PASS' : 'MISS'}  ${name}: ${value}  [target ${target}]`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
