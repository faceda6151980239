// Serves the built site (site/) on 127.0.0.1. Used by `npm start` and the browser test.
// sirv does the serving; this wrapper answers what sirv should not see: a method other than GET or
// HEAD (405), a Range that cannot be satisfied (416, where sirv would throw and take the process,
// and `npm start`'s sandbox with it, down), and sets safe headers on every answer.
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export const siteDir = fileURLToPath(new URL('./site/', import.meta.url));

/**
 * The page runs Redoc's inline bundle (inline scripts and styles, a search worker from a blob URL)
 * and loads nothing from anywhere else.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SAFE = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': CSP,
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Revalidate every time (sirv answers 304 from the ETag): a rebuilt site shows at once.
  'cache-control': 'no-cache',
};

/** The file or folder a URL names inside `dir`, or undefined when it names nothing there. */
function fileOf(dir, pathname) {
  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(dir, relative.endsWith('/') ? `${relative}index.html` : relative));
  return file.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`) ? file : undefined;
}

/** A folder named without its trailing slash: its page's relative links would resolve one level up. */
function isFolder(dir, pathname) {
  const file = fileOf(dir, pathname);
  try {
    return file !== undefined && !pathname.endsWith('/') && statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The size of the file a URL names inside `dir`, or undefined (sirv then answers 404). */
function sizeOf(dir, pathname) {
  const file = fileOf(dir, pathname);
  if (file === undefined) return undefined;
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : stat.isDirectory() ? statSync(join(file, 'index.html')).size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A single byte range made safe for sirv: `{ header }` to pass on (the end clamped to the file),
 * `{ unsatisfiable: true }` for a range that cannot be served, `{}` to ignore the header (several
 * ranges, or a form this server does not support: the whole file is a valid answer to those).
 */
export function checkRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return header.includes(',') ? {} : { unsatisfiable: true };
  const [, from, to] = match;
  if (from === '' && to === '') return { unsatisfiable: true };
  if (from === '') {
    const suffix = Number(to);
    return suffix === 0 ? { unsatisfiable: true } : { header: `bytes=${Math.max(0, size - suffix)}-${size - 1}` };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || start > end) return { unsatisfiable: true };
  return { header: `bytes=${start}-${end}` };
}

/** Starts the static server; resolves with its URL and a close function. */
export function serveDocs({ host = '127.0.0.1', port = 8080, dir = siteDir } = {}) {
  const handler = sirv(dir, { dev: false, etag: true, single: false, setHeaders: (res) => Object.entries(SAFE).forEach(([k, v]) => res.setHeader(k, v)) });
  const answer = (res, status, text, headers = {}) => {
    res.writeHead(status, { ...SAFE, 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(text);
  };
  const server = createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD are allowed here', { allow: 'GET, HEAD' });
      const { pathname, search } = new URL(req.url ?? '/', 'http://docs');
      // One leading slash only: `//sandbox/` would send the browser to a host called "sandbox".
      if (isFolder(dir, pathname)) return answer(res, 301, 'Moved', { location: `/${pathname.replace(/^\/+/, '')}/${search}` });
      if (req.headers.range) {
        const size = sizeOf(dir, pathname);
        if (size !== undefined) {
          const range = checkRange(req.headers.range, size);
          if (range.unsatisfiable) return answer(res, 416, 'Range Not Satisfiable', { 'content-range': `bytes */${size}` });
          if (range.header) req.headers.range = range.header;
          else delete req.headers.range;
        }
      }
      handler(req, res, () => answer(res, 404, 'Not found'));
    } catch (error) {
      if (!res.headersSent) answer(res, 500, 'The documentation server failed');
      else res.destroy();
      console.error(`docs: ${error.message}`);
    }
  });
  server.on('clientError', (_error, socket) => socket.destroy());
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
