// The benchmark's server, in its own thread so that it does not compete with the client's event loop.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { identity, totalItems, pageLatencyMs } = workerData;

function listPage(page) {
  const items = [];
  for (let i = (page - 1) * 50; i < Math.min(page * 50, totalItems); i += 1) items.push(`{"n":${i}}`);
  return `{"items":[${items.join(',')}],"totalCount":${totalItems},"page":${page},"pageSize":50,"totalPages":${Math.ceil(totalItems / 50)}}`;
}

const server = createServer((req, res) => {
  if (req.url.startsWith('/api/identities/')) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(identity) });
    return res.end(identity);
  }
  const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '1');
  setTimeout(() => {
    const body = listPage(page);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }, pageLatencyMs);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => process.exit(0));
});
