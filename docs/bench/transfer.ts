// What a first visit to a page costs on the wire: every response Chromium receives while loading it
// (the document, the renderer's module, the logo, anything else it asks for), with a cold cache, the
// bytes as sent (headers and the body as encoded) and the body as the page got it (decoded).
// Shared by the bench (the transfer row) and the browser test (every resource compressed, with Vary).
import type { Browser } from 'playwright-core';

export interface Resource {
  url: string;
  status: number;
  /** Content-Encoding of the answer ('' when sent as it is). */
  encoding: string;
  vary: string;
  /** Response headers and encoded body, as counted by the browser. */
  wireBytes: number;
  /** The body after decoding. */
  bodyBytes: number;
}

/**
 * Loads `url` in a fresh context (no cache, no cookies), waits until `ready` shows and the network
 * has been idle, and returns every http(s) response the page received.
 */
export async function pageResources(browser: Browser, url: string, ready: string): Promise<Resource[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const finished: Promise<Resource>[] = [];
    page.on('requestfinished', (request) => {
      if (!/^https?:/.test(request.url())) return;
      finished.push(
        (async () => {
          const response = (await request.response())!;
          const [sizes, body, headers] = await Promise.all([request.sizes(), response.body(), response.allHeaders()]);
          return {
            url: request.url(),
            status: response.status(),
            encoding: headers['content-encoding'] ?? '',
            vary: headers['vary'] ?? '',
            wireBytes: sizes.responseHeadersSize + sizes.responseBodySize,
            bodyBytes: body.length,
          };
        })(),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForSelector(ready);
    return await Promise.all(finished);
  } finally {
    await context.close();
  }
}
