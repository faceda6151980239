// `npm run bench` (docs): time to interactive of the built pages in headless Chromium, against
// the floor of the same browser loading a page with nothing on it, interleaved over rounds.
// Interactive = the navigation is rendered and the main thread has had no long task (>50 ms) for
// QUIET_MS: the end of the last long task before that quiet window, counted from navigation start.
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- plain ESM module
import { serveDocs } from '../serve.mjs';
import { findChromium } from '../test/browser.js';

const ROUNDS = Number(process.env.PA_BENCH_ROUNDS ?? 5);
const QUIET_MS = 500;
const GOAL_MS = 1000;

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
  console.log(`docs bench: time to interactive, headless Chromium (${choice.source}), median of ${ROUNDS} interleaved rounds`);
  for (const variant of variants) {
    const values = times.get(variant.name)!;
    const ms = median(values);
    const verdict = variant.ready ? (ms <= GOAL_MS ? `ok (goal <= ${GOAL_MS} ms)` : `MISS (goal <= ${GOAL_MS} ms)`) : 'floor';
    console.log(`  ${variant.name.padEnd(20)} ${ms.toFixed(0).padStart(5)} ms  (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})  ${(ms / floor).toFixed(1).padStart(5)}x floor  ${verdict}`);
  }
} finally {
  await browser.close();
  await site.close();
}
