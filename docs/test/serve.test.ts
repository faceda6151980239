// The docs server under requests a static server meets: byte ranges (valid, out of bounds,
// malformed), other methods, and the headers every answer carries. No request may take it down.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module
import { checkRange, serveDocs, siteDir } from '../serve.mjs';

let site: { url: string; close(): Promise<void> };
const spec = readFileSync(`${siteDir}openapi.yaml`);
beforeAll(async () => {
  site = await serveDocs({ port: 0 });
});
afterAll(() => site.close());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${site.url}${path}`, { method, headers });

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

  it('several ranges get the whole file (a valid answer)', async () => {
    const res = await get('/openapi.yaml', { range: 'bytes=0-1,5-6' });
    expect(res.status).toBe(200);
  });

  it.each(['POST', 'DELETE', 'PUT'])('answers %s with 405 and Allow', async (method) => {
    const res = await get('/', {}, method);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('sets nosniff, a content security policy and revalidation on every answer', async () => {
    for (const res of [await get('/'), await get('/missing'), await get('/', {}, 'POST')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
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
    expect(checkRange('bytes=0-1', 10)).toEqual({ header: 'bytes=0-1' });
  });
});
