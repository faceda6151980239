// The benchmark's server, in a process of its own: it does not compete with the client's event loop,
// and the bench's CPU time (process.cpuUsage) is the client's alone.
// Every answer is precomputed: the server's own work is the floor's, not part of what is measured.
import { createServer } from 'node:http';

const { identity, listPage, totalItems, pageLatencyMs } = JSON.parse(process.argv[2]);
const json = (text) => ({ body: Buffer.from(text), headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) } });
const byId = json(identity);
const page = json(listPage);

// list-all: 200 pages of 50 short items, each after a delay, so that concurrency has something to overlap.
function allPage(number) {
  const items = [];
  for (let i = (number - 1) * 50; i < Math.min(number * 50, totalItems); i += 1) items.push(`{"n":${i}}`);
  return json(`{"items":[${items.join(',')}],"totalCount":${totalItems},"page":${number},"pageSize":50,"totalPages":${Math.ceil(totalItems / 50)}}`);
}

const server = createServer((req, res) => {
  const send = ({ body, headers }) => res.writeHead(200, headers).end(body);
  if (req.url.startsWith('/api/identities/')) return send(byId);
  // The same page without a declared length, as a proxy or a compressing server sends it: the client
  // then counts the bytes against its size limit as they arrive.
  if (req.url.startsWith('/api/identities?chunked=1')) {
    res.writeHead(200, { 'content-type': page.headers['content-type'] });
    res.write(page.body.subarray(0, 8192));
    return res.end(page.body.subarray(8192));
  }
  if (req.url.startsWith('/api/identities?slow=1')) {
    const number = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '1');
    return setTimeout(() => send(allPage(number)), pageLatencyMs);
  }
  return send(page);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('message', (message) => {
  if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
