// Serves the built site (site/) on 127.0.0.1. Used by `npm start` and the browser test.
//
// A small file server of its own rather than sirv, which followed symlinks out of the site (and
// walked into a link loop at start-up), answered `Range: bytes=0-0` with the whole file, sent 304s
// without the safety headers and picked a precompressed copy without reading q-values. This one:
// - serves only what resolves (symlinks included) to a regular file inside the site folder;
// - sends the .br/.gz copy that compress.mjs writes at build time when the client accepts it (q-values
//   honoured, Vary: Accept-Encoding), and byte ranges of the uncompressed file only;
// - sets the same safe headers on every answer, 304 and errors included;
// - answers 405 to other methods and 416 to a range it cannot satisfy.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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
  // Revalidate every time (answered 304 from the ETag): a rebuilt site shows at once.
  'cache-control': 'no-cache',
};

/** The kinds of file the site holds (docs/build.mjs); anything else goes out as bytes. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Precompressed copies, best first when the client rates them equally. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/**
 * A single byte range of a file of `size` bytes: `{ start, end }` (inclusive, the end clamped to
 * the file), `{ unsatisfiable: true }` for a range that cannot be served, `{}` to ignore the header
 * (several ranges, a form this server does not support: the whole file is a valid answer to those).
 */
export function checkRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return header.includes(',') ? {} : { unsatisfiable: true };
  const [, from, to] = match;
  if (from === '' && to === '') return { unsatisfiable: true };
  if (from === '') {
    const suffix = Number(to);
    return suffix === 0 || size === 0 ? { unsatisfiable: true } : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || start > end) return { unsatisfiable: true };
  return { start, end };
}

/**
 * The encoding to send from `available` (names of the copies that exist, plus 'identity') for an
 * Accept-Encoding header (RFC 9110 §12.5.3): the highest q wins, q=0 refuses, `*` stands for any
 * encoding not named, identity is acceptable unless refused. Undefined when nothing is acceptable.
 */
export function chooseEncoding(header, available) {
  if (header === undefined) return 'identity';
  const rated = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
    rated.set(name.trim(), q ? Number(q[1]) : 1);
  }
  // Identity is acceptable unless refused, but below any encoding the client asked for by name.
  const rate = (name) => rated.get(name) ?? rated.get('*') ?? (name === 'identity' ? 0.0001 : 0);
  let best;
  let bestQ = 0;
  for (const name of available) {
    const q = rate(name);
    if (q > bestQ) [best, bestQ] = [name, q];
  }
  return best;
}

/**
 * The regular file a URL path names inside `root` (already a real path), following symlinks only
 * as far as they stay inside it: `{ file, stat }`, `{ folder: true }` for a folder named without
 * its trailing slash, or undefined (nothing there, a dotfile, or a link that leaves the site or loops).
 */
function resolveFile(root, pathname) {
  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (relative.includes('\0') || relative.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const named = normalize(join(root, relative));
  if (named !== root && !named.startsWith(`${root}${sep}`)) return undefined;
  const real = realInside(root, named);
  if (!real) return undefined;
  const stat = statSync(real);
  if (stat.isDirectory()) {
    if (!pathname.endsWith('/')) return { folder: true };
    const index = realInside(root, join(real, 'index.html'));
    const indexStat = index && statSync(index);
    return indexStat?.isFile() ? { file: index, stat: indexStat } : undefined;
  }
  return stat.isFile() ? { file: real, stat } : undefined;
}

/** `path` with every link resolved, when that stays inside `root`; undefined when missing, looping or outside. */
function realInside(root, path) {
  let real;
  try {
    real = realpathSync(path);
  } catch {
    return undefined; // ENOENT, ELOOP, EACCES...
  }
  return real === root || real.startsWith(`${root}${sep}`) ? real : undefined;
}

/** The precompressed copy of `file` for `encoding`, when it exists inside the site and is not older than the file. */
function copyOf(root, file, stat, suffix) {
  const copy = realInside(root, `${file}${suffix}`);
  if (!copy) return undefined;
  const copyStat = statSync(copy);
  return copyStat.isFile() && copyStat.mtimeMs >= stat.mtimeMs ? { file: copy, stat: copyStat } : undefined;
}

const etagOf = (stat, encoding) => `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoding === 'identity' ? '' : `-${encoding}`}"`;

/** True when an If-None-Match header names `etag` (or is `*`). */
function matches(header, etag) {
  return header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });
}

/** Starts the static server; resolves with its URL and a close function. */
export function serveDocs({ host = '127.0.0.1', port = 8080, dir = siteDir } = {}) {
  const root = realpathSync(dir).replace(/[\\/]+$/, '') || sep;
  const answer = (res, status, text, headers = {}) => {
    res.writeHead(status, { ...SAFE, 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(text);
  };

  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD are allowed here', { allow: 'GET, HEAD' });
    const { pathname, search } = new URL(req.url ?? '/', 'http://docs');
    const found = resolveFile(root, pathname);
    // One leading slash only: `//sandbox/` would send the browser to a host called "sandbox".
    if (found?.folder) return answer(res, 301, 'Moved', { location: `/${pathname.replace(/^\/+/, '')}/${search}` });
    if (!found) return answer(res, 404, 'Not found');

    const copies = new Map(ENCODINGS.map(([name, suffix]) => [name, copyOf(root, found.file, found.stat, suffix)]).filter(([, copy]) => copy));
    const vary = copies.size > 0 ? { vary: 'Accept-Encoding' } : {};
    // A range is a range of the uncompressed bytes: a range request gets the identity encoding.
    const wantsRange = req.headers.range !== undefined;
    const encoding = wantsRange ? 'identity' : chooseEncoding(req.headers['accept-encoding'], [...copies.keys(), 'identity']);
    if (encoding === undefined) return answer(res, 406, 'None of the encodings in Accept-Encoding is available: br, gzip or identity', vary);
    const sent = encoding === 'identity' ? found : copies.get(encoding);
    const etag = etagOf(sent.stat, encoding);
    const headers = {
      ...SAFE,
      ...vary,
      'content-type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
      etag,
      'last-modified': sent.stat.mtime.toUTCString(),
      'accept-ranges': 'bytes',
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    };
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined && matches(ifNoneMatch, etag)) {
      // The safety and caching headers of the 200 it stands for, without its content metadata.
      const { 'content-type': _type, 'accept-ranges': _ranges, 'content-encoding': _encoding, ...notModified } = headers;
      res.writeHead(304, notModified);
      return res.end();
    }

    const size = sent.stat.size;
    let status = 200;
    let range = { start: 0, end: size - 1 };
    // If-Range: the range applies only to the version the client already holds.
    const ifRange = req.headers['if-range'];
    if (wantsRange && (ifRange === undefined || ifRange.trim() === etag)) {
      const checked = checkRange(req.headers.range, size);
      if (checked.unsatisfiable) return answer(res, 416, 'Range Not Satisfiable', { ...vary, 'content-range': `bytes */${size}` });
      if (checked.start !== undefined) {
        range = checked;
        status = 206;
        headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
      }
    }
    headers['content-length'] = String(size === 0 ? 0 : range.end - range.start + 1);
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || size === 0) return res.end();
    const stream = createReadStream(sent.file, { start: range.start, end: range.end });
    stream.on('error', (error) => {
      console.error(`docs: reading ${sent.file}: ${error.message}`);
      res.destroy();
    });
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
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
        close: () =>
          new Promise((done) => {
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
