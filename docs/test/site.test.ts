// The built site in a headless Chromium (see browser.ts for which one), served from 127.0.0.1:
// every operation and the webhook in the navigation, the sandbox controls page, search, dark mode from the system preference,
// no console errors and no request leaving the machine. Saves screenshots to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec, sandboxSpecPath } from '@permission-assist/spec-kit';
// @ts-expect-error -- plain ESM module
import { serveDocs } from '../serve.mjs';
import { findChromium } from './browser.js';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const spec = loadSpec();
let site: { url: string; close(): Promise<void> };
let browser: Browser;
const external: string[] = [];
const consoleErrors: string[] = [];

async function open(colorScheme: 'light' | 'dark' = 'light', path = '/'): Promise<Page> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 800 } });
  page.on('request', (request) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(request.url())) external.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="menu-item-label"]');
  return page;
}

/**
 * Opens each tag's group in the navigation and waits for every operation of that tag to show
 * (opening a group closes the others, and the list renders after the click); returns the summaries.
 */
async function expectInNavigation(page: Page, document: ReturnType<typeof loadSpec>): Promise<string[]> {
  const operations = listOperations(document);
  for (const tag of document.tags as { name: string }[]) {
    await page.locator('[data-testid="menu-item-label"]', { hasText: new RegExp(`^${tag.name}$`) }).first().click();
    for (const { operation } of operations.filter((op) => op.operation.tags?.[0] === tag.name)) {
      await expect
        .poll(async () => (await page.locator('[data-testid="menu-item-label"]').allInnerTexts()).some((label) => label.startsWith(operation.summary)), { message: `${operation.summary} under ${tag.name}`, timeout: 5000 })
        .toBe(true);
    }
  }
  return operations.map((op) => op.operation.summary as string);
}

beforeAll(async () => {
  site = await serveDocs({ port: 0 });
  const choice = await findChromium();
  console.log(`docs browser test: Chromium from ${choice.source}`);
  browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, env: choice.env });
  mkdirSync(screenshots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('documentation site', () => {
  it('lists all 17 operations and the webhook in the navigation', async () => {
    const page = await open();
    const summaries = await expectInNavigation(page, spec);
    expect(summaries).toHaveLength(18);
    await page.screenshot({ path: `${screenshots}navigation.png` });
    await page.close();
  });

  it('search finds an operation', async () => {
    const page = await open();
    await page.locator('[data-testid="search-trigger"]').click();
    await page.keyboard.type('offboarding');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 5000 }).toMatch(/Create an offboarding event/);
    const result = page.getByText('Create an offboarding event').last();
    await result.click();
    await expect.poll(() => page.url()).toContain('createoffboardevent');
    await page.screenshot({ path: `${screenshots}search.png` });
    await page.close();
  });

  it('shows generated code samples and the logo, and offers the spec for download', async () => {
    const page = await open();
    await page.goto(`${site.url}/#/personnel-events/createoffboardevent`);
    await expect.poll(() => page.locator('body').innerText()).toContain("curl -X POST 'https://pa.example.com/api/personnel-events/offboard'");
    // Redoc renders the operation, then scrolls to it: wait until the sample is on screen.
    const sample = page.getByText('/api/personnel-events/offboard', { exact: false }).locator('visible=true').first();
    await sample.scrollIntoViewIfNeeded();
    await expect.poll(() => sample.isVisible()).toBe(true);
    expect(await page.locator('img[src="logo.svg"]').count()).toBeGreaterThan(0);
    const yaml = await fetch(`${site.url}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toContain('openapi: 3.1.0');
    expect((await page.content()).includes('href="openapi.yaml"') || (await page.locator('a[href="openapi.yaml"]').count()) > 0).toBe(true);
    await page.screenshot({ path: `${screenshots}operation.png` });
    await page.close();
  });

  it('follows the system colour scheme (dark and light)', async () => {
    const dark = await open('dark');
    expect(await dark.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    const darkLink = await dark.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--link-color-primary').trim());
    expect(darkLink).toBe('#5fc4b8');
    await dark.screenshot({ path: `${screenshots}dark.png` });
    await dark.close();
    const light = await open('light');
    expect(await light.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    expect(await light.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--link-color-primary').trim())).toBe('#0f6b63');
    await light.close();
  });

  it('documents the sandbox controls on their own page, linked both ways', async () => {
    const sandbox = loadSpec(sandboxSpecPath);
    const page = await open('light', '/sandbox/');
    expect((await expectInNavigation(page, sandbox)).length).toBeGreaterThan(10);
    // Only curl samples (the client has no sandbox methods), aimed at the local sandbox.
    expect(await page.content()).toContain('http://127.0.0.1:4010/sandbox/clock/advance');
    await page.locator('a[href="../"]').first().click();
    await page.waitForSelector('[data-testid="menu-item-label"]');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('a[href="sandbox/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
