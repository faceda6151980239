// `npm run bench` (docs): time to interactive of the built pages in headless Chromium, against
// the floor of the same browser loading a page with nothing on it, interleaved over rounds.
// Interactive = the navigation is rendered and the main thread has had no long task (>50 ms) for
// QUIET_MS: the end of the last long task before that quiet window, counted from navigation start.
// Then the transfer of a first visit to each page (transfer.ts): the bytes Chromium received for
// everything the page loaded, precompressed as the docs server sends it, against the same bodies
// uncompressed.
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- plain ESM module
import { serveDocs } from '../serve.mjs';
import { findChromium } from '../test/browser.js';
import { pageResources } from './transfer.js';

const ROUNDS = Number(process.env.PA_BENCH_ROUNDS ?? 5);
const QUIET_MS = 500;
const GOAL_MS = 1000;
/** The goal for a page's transfer: 0.8 MB (decimal megabytes, as the issue counts them). */
const GOAL_BYTES = 800_000;

/** Collects long tasks from the start of the page, before any of its scripts run. */
const OBSERVE = `
  window.__paLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__paLongTasks.push(e.startTime + e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

async function timeToInteractive(browser: Browser, url: string, ready: string | undefined): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(OBSERVE);
    await page.goto(url, { waitUntil: 'load' });
    if (ready) await page.waitForSelector(ready);
    const readyAt = await page.evaluate(() => performance.now());
    // Wait for a quiet window: no long task ended within the last QUIET_MS.
    for (;;) {
      const { now, last } = await page.evaluate(() => ({ now: performance.now(), last: Math.max(0, ...(window as unknown as { __paLongTasks: number[] }).__paLongTasks) }));
      if (now - Math.max(last, readyAt) >= QUIET_MS) return Math.max(last, readyAt);
      await page.waitForTimeout(100);
    }
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const site = await serveDocs({ port: 0 });
const choice = await findChromium();
const browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, env: choice.env });
try {
  const variants = [
    { name: 'floor (empty page)', url: `data:text/html,<!doctype html><title>floor</title><p>x</p>`, ready: undefined },
    { name: 'API reference', url: `${site.url}/`, ready: '[data-testid="menu-item-label"]' },
    { name: 'sandbox controls', url: `${site.url}/sandbox/`, ready: '[data-testid="menu-item-label"]' },
  ];
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  await timeToInteractive(browser, variants[1]!.url, variants[1]!.ready); // warm-up: disk cache, JIT of the browser itself
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const variant of variants) times.get(variant.name)!.push(await timeToInteractive(browser, variant.url, variant.ready));
  }
  const floor = median(times.get(variants[0]!.name)!);
  let ok = true;
  console.log(`docs bench: time to interactive, headless Chromium (${choice.source}), median of ${ROUNDS} interleaved rounds`);
  for (const variant of variants) {
    const values = times.get(variant.name)!;
    const ms = median(values);
    const verdict = variant.ready ? (ms <= GOAL_MS ? `ok (goal <= ${GOAL_MS} ms)` : `MISS (goal <= ${GOAL_MS} ms)`) : 'floor';
    if (variant.ready && ms > GOAL_MS) ok = false;
    console.log(`  ${variant.name.padEnd(20)} ${ms.toFixed(0).padStart(5)} ms  (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})  ${(ms / floor).toFixed(1).padStart(5)}x floor  ${verdict}`);
  }
  console.log('docs bench: transfer of a first visit (cold cache), every response Chromium received, headers included');
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  for (const variant of variants.filter((v) => v.ready)) {
    const resources = await pageResources(browser, variant.url, variant.ready!);
    const wire = resources.reduce((sum, r) => sum + r.wireBytes, 0);
    const body = resources.reduce((sum, r) => sum + r.bodyBytes, 0);
    const encodings = [...new Set(resources.map((r) => r.encoding || 'none'))].join('/');
    const verdict = wire <= GOAL_BYTES ? `ok (goal <= ${mb(GOAL_BYTES)})` : `MISS (goal <= ${mb(GOAL_BYTES)})`;
    console.log(`  ${variant.name.padEnd(20)} ${mb(wire)} on the wire (${resources.length} responses, ${encodings}), ${mb(body)} uncompressed: ${(wire / body).toFixed(2)}x  ${verdict}`);
    ok = ok && wire <= GOAL_BYTES;
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  await site.close();
}
