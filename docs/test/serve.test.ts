// The docs server under requests a static server meets: byte ranges (valid, out of bounds,
// malformed), other methods, conditional requests, precompressed copies, symlinks that lead out of
// the site or loop, and the headers every answer carries. No request may take it down.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module
import { checkRange, chooseEncoding, serveDocs, siteDir } from '../serve.mjs';

type Site = { url: string; close(): Promise<void> };
let site: Site;
const spec = readFileSync(`${siteDir}openapi.yaml`);
beforeAll(async () => {
  site = await serveDocs({ port: 0 });
});
afterAll(() => site.close());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${site.url}${path}`, { method, headers });

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
/** A request with exactly these headers and the bytes as sent (fetch would add Accept-Encoding and decode). */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSafeHeaders(headers: Headers | Raw['headers']) {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  expect(read('x-content-type-options')).toBe('nosniff');
  expect(read('content-security-policy')).toContain("default-src 'self'");
  expect(read('cache-control')).toBe('no-cache');
}

describe('docs server', () => {
  it.each([
    ['a start after the end', 'bytes=100-50'],
    ['a start past the file', `bytes=${spec.length + 10}-`],
    ['a huge start', 'bytes=99999999999999999999-'],
    ['a malformed range', 'bytes=abc'],
    ['an empty range', 'bytes=-'],
  ])('answers 416 to %s, and keeps serving', async (_name, range) => {
    const res = await get('/openapi.yaml', { range });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${spec.length}`);
    expect((await get('/openapi.yaml')).status).toBe(200);
  });

  it('serves a valid range, clamps an end past the file, and serves a suffix range', async () => {
    const part = await get('/openapi.yaml', { range: 'bytes=5-14' });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(spec.subarray(5, 15));
    const clamped = await get('/openapi.yaml', { range: 'bytes=10-99999999999' });
    expect(clamped.status).toBe(206);
    expect(clamped.headers.get('content-range')).toBe(`bytes 10-${spec.length - 1}/${spec.length}`);
    const suffix = await get('/openapi.yaml', { range: 'bytes=-20' });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(spec.subarray(spec.length - 20));
  });

  it('answers bytes=0-0 with the first byte only', async () => {
    const res = await raw(site.url, '/openapi.yaml', { range: 'bytes=0-0' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-0/${spec.length}`);
    expect(res.body).toEqual(spec.subarray(0, 1));
  });

  it('several ranges get the whole file (a valid answer)', async () => {
    const res = await get('/openapi.yaml', { range: 'bytes=0-1,5-6' });
    expect(res.status).toBe(200);
  });

  it('a range for another version of the file (If-Range) gets the whole current file', async () => {
    const res = await raw(site.url, '/openapi.yaml', { range: 'bytes=0-9', 'if-range': '"not-this-version"' });
    expect(res.status).toBe(200);
    expect(res.body.equals(spec)).toBe(true);
  });

  it.each(['POST', 'DELETE', 'PUT'])('answers %s with 405 and Allow', async (method) => {
    const res = await get('/', {}, method);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('sets nosniff, a content security policy and revalidation on every answer', async () => {
    for (const res of [await get('/'), await get('/missing'), await get('/', {}, 'POST')]) expectSafeHeaders(res.headers);
  });

  it('answers a revalidation with 304 that carries the same safety headers and ETag', async () => {
    const first = await raw(site.url, '/openapi.yaml');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await raw(site.url, '/openapi.yaml', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expectSafeHeaders(again.headers);
    // A changed file (another ETag) is sent in full.
    expect((await raw(site.url, '/openapi.yaml', { 'if-none-match': '"old"' })).status).toBe(200);
  });

  it('sends a folder named without its slash to the slashed address, on this host only', async () => {
    for (const [path, location] of [
      ['/sandbox', '/sandbox/'],
      ['/sandbox?from=readme', '/sandbox/?from=readme'],
    ]) {
      const res = await fetch(`${site.url}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location')).toBe(location);
    }
    // Never a protocol-relative Location, which would leave this host.
    const doubled = await fetch(`${site.url}//sandbox`, { redirect: 'manual' });
    expect(doubled.headers.get('location') ?? '').not.toMatch(/^\/\//);
    const page = await get('/sandbox/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Permission Assist sandbox controls');
  });

  it('keeps requests inside the site folder', async () => {
    expect((await get('/..%2F..%2Fpackage.json')).status).toBe(404);
    expect(checkRange('bytes=0-1', 10)).toEqual({ start: 0, end: 1 });
  });

  it('the build wrote a brotli and a gzip copy of each page, and the server sends the brotli one to a browser', async () => {
    // Buffer.equals: vitest's deep equality takes minutes over 2.6 MB.
    const page = readFileSync(`${siteDir}index.html`);
    expect(brotliDecompressSync(readFileSync(`${siteDir}index.html.br`)).equals(page)).toBe(true);
    expect(gunzipSync(readFileSync(`${siteDir}index.html.gz`)).equals(page)).toBe(true);
    const res = await raw(site.url, '/', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).equals(page)).toBe(true);
  });

  it("sends the renderer's module (most of a page's bytes) as brotli or gzip, as asked, saying the answer varies with Accept-Encoding", async () => {
    const module = readFileSync(`${siteDir}redoc.js`);
    const br = await raw(site.url, '/redoc.js', { 'accept-encoding': 'br, gzip' });
    expect([br.headers['content-encoding'], br.headers.vary, br.headers['content-type']]).toEqual(['br', 'Accept-Encoding', 'text/javascript; charset=utf-8']);
    expect(brotliDecompressSync(br.body).equals(module)).toBe(true);
    const gz = await raw(site.url, '/redoc.js', { 'accept-encoding': 'gzip' });
    expect([gz.headers['content-encoding'], gz.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
    expect(gunzipSync(gz.body).equals(module)).toBe(true);
    const plain = await raw(site.url, '/redoc.js');
    expect([plain.headers['content-encoding'], plain.headers.vary]).toEqual([undefined, 'Accept-Encoding']);
    expect(plain.body.length).toBe(module.length);
  });
});

describe('docs server on a site with symlinks and precompressed copies', () => {
  let work: string;
  let root: string;
  let linked: Site;
  const text = Buffer.from('<h1>Permission Assist</h1>\n'.repeat(200));
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pa-docs-serve-'));
    root = join(work, 'site');
    mkdirSync(join(root, 'inner'), { recursive: true });
    writeFileSync(join(root, 'index.html'), text);
    writeFileSync(join(root, 'page.html'), text);
    writeFileSync(join(root, 'page.html.br'), brotliCompressSync(text));
    writeFileSync(join(root, 'page.html.gz'), gzipSync(text));
    writeFileSync(join(root, 'stale.html'), text);
    writeFileSync(join(root, 'stale.html.br'), brotliCompressSync(Buffer.from('an older build')));
    const past = new Date(Date.now() - 3600_000);
    utimesSync(join(root, 'stale.html.br'), past, past);
    writeFileSync(join(work, 'secret.txt'), 'not part of the site');
    symlinkSync('/etc/passwd', join(root, 'passwd.txt'));
    symlinkSync('../secret.txt', join(root, 'leak.txt'));
    symlinkSync('..', join(root, 'parent'));
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    symlinkSync('..', join(root, 'inner', 'up'));
    symlinkSync('page.html', join(root, 'alias.html'));
    symlinkSync('../secret.txt', join(root, 'index.html.br'));
    // Starting on a site with a link loop must work: nothing walks the folder up front.
    linked = await serveDocs({ port: 0, dir: root });
  });
  afterAll(async () => {
    await linked?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    ['a link to /etc/passwd', '/passwd.txt'],
    ['a link to a file next to the site', '/leak.txt'],
    ['a file through a link to the parent folder', '/parent/secret.txt'],
    ['a link loop', '/loop-a'],
  ])('answers 404 to %s and keeps serving', async (_name, path) => {
    const res = await raw(linked.url, path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('root:');
    expect((await raw(linked.url, '/')).status).toBe(200);
  });

  it('follows a link that stays inside the site', async () => {
    expect((await raw(linked.url, '/alias.html')).body).toEqual(text);
    expect((await raw(linked.url, '/inner/up/page.html')).body).toEqual(text);
  });

  it('never sends a precompressed copy that is a link out of the site', async () => {
    const res = await raw(linked.url, '/', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toEqual(text);
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.4, br;q=0.8', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['deflate', undefined],
    ['identity', undefined],
    ['br;q=0, gzip;q=0', undefined],
  ])('Accept-Encoding: %s gets %s, with Vary: Accept-Encoding', async (accept, encoding) => {
    const res = await raw(linked.url, '/page.html', { 'accept-encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const decoded = encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(decoded).toEqual(text);
  });

  it('no Accept-Encoding gets the file as it is; refusing every encoding, identity too, gets 406', async () => {
    expect((await raw(linked.url, '/page.html')).headers['content-encoding']).toBeUndefined();
    const refused = await raw(linked.url, '/page.html', { 'accept-encoding': 'br;q=0, gzip;q=0, *;q=0' });
    expect(refused.status).toBe(406);
    expectSafeHeaders(refused.headers);
  });

  it('a range is a range of the uncompressed file, even when the client accepts brotli', async () => {
    const res = await raw(linked.url, '/page.html', { 'accept-encoding': 'br', range: 'bytes=0-0' });
    expect(res.status).toBe(206);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-range']).toBe(`bytes 0-0/${text.length}`);
    expect(res.body).toEqual(text.subarray(0, 1));
  });

  it('each encoding has its own ETag, and revalidates to 304', async () => {
    const br = await raw(linked.url, '/page.html', { 'accept-encoding': 'br' });
    const plain = await raw(linked.url, '/page.html');
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await raw(linked.url, '/page.html', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toBe('Accept-Encoding');
    expectSafeHeaders(again.headers);
  });

  it('ignores a precompressed copy older than its file (left from an earlier build)', async () => {
    const res = await raw(linked.url, '/stale.html', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toEqual(text);
  });

  it('HEAD sends the headers of GET and no body', async () => {
    const res = await raw(linked.url, '/page.html', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(gzipSync(text).length);
    expect(res.body.length).toBe(0);
  });

  it('chooseEncoding reads q-values as RFC 9110 describes', () => {
    expect(chooseEncoding(undefined, ['br', 'identity'])).toBe('identity');
    expect(chooseEncoding('', ['br', 'identity'])).toBe('identity');
    expect(chooseEncoding('BR;Q=0.9, gzip;q=0.9', ['br', 'gzip', 'identity'])).toBe('br');
    expect(chooseEncoding('*;q=0, identity;q=0.1', ['br', 'identity'])).toBe('identity');
    expect(chooseEncoding('identity;q=0', ['identity'])).toBeUndefined();
  });
});
