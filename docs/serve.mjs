// Serves the built site (site/) on 127.0.0.1. Used by `npm start` and the browser test.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export const siteDir = fileURLToPath(new URL('./site/', import.meta.url));

/** Starts the static server; resolves with its URL and a close function. */
export function serveDocs({ host = '127.0.0.1', port = 8080, dir = siteDir } = {}) {
  const handler = sirv(dir, { dev: false, etag: true, single: false });
  const server = createServer((req, res) => handler(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }));
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use: pass --port <another>`) : error);
    });
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8080' } } });
  const { url, close } = await serveDocs({ host: values.host, port: Number(values.port) });
  console.log(`docs: serving ${siteDir} at ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
