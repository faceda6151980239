// The floor the sandbox is measured against: a minimal node:http server in its own process that
// answers each request with a precomputed body (after reading the request body, as any server must).
// FLOOR_ROUTES maps "METHOD /path?query" to { status, body }; whatever the sandbox costs above this
// is the sandbox's own work.
import { createServer } from 'node:http';

const routes = new Map(
  Object.entries(JSON.parse(process.env.FLOOR_ROUTES ?? '{}')).map(([key, { status, body }]) => {
    const bytes = Buffer.from(body);
    return [key, { status, bytes, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length) } }];
  }),
);
const missing = { status: 404, bytes: Buffer.from('{}'), headers: { 'content-type': 'application/json', 'content-length': '2' } };
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const route = routes.get(`${req.method} ${req.url}`) ?? missing;
    res.writeHead(route.status, route.headers);
    res.end(route.bytes);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
