// The built site in a headless Chromium (see browser.ts for which one), served from 127.0.0.1:
// every operation and the webhook in the navigation, the sandbox controls page, search, dark mode from the system preference,
// no console errors and no request leaving the machine. Saves screenshots to docs/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec, sandboxSpecPath } from '@permission-assist/spec-kit';
// @ts-expect-error -- plain ESM module
import { serveDocs } from '../serve.mjs';
import { findChromium } from './browser.js';
import { budget } from './budget.js';
import { pageResources } from '../bench/transfer.js';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const spec = loadSpec();
let site: { url: string; close(): Promise<void> };
let browser: Browser;
const external: string[] = [];
const consoleErrors: string[] = [];

async function open(colorScheme: 'light' | 'dark' = 'light', path = '/', host = '127.0.0.1'): Promise<Page> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 800 } });
  // Loading and rendering the 2.5 MB page is CPU work: its waits scale with this machine's load.
  page.setDefaultTimeout(budget(30_000));
  page.on('request', (request) => {
    if (!/^(http:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(request.url())) external.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(`${site.url.replace('127.0.0.1', host)}${path}`, { waitUntil: 'load' });
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
    for (const { operation, operationId } of operations.filter((op) => op.operation.tags?.[0] === tag.name)) {
      const summary = operation.summary;
      if (!summary) throw new Error(`${operationId} has no summary to find in the menu`);
      await expect
        .poll(async () => (await page.locator('[data-testid="menu-item-label"]').allInnerTexts()).some((label) => label.startsWith(summary)), { message: `${summary} under ${tag.name}`, timeout: budget(5000) })
        .toBe(true);
    }
  }
  return operations.map((op) => op.operation.summary as string);
}

beforeAll(async () => {
  site = await serveDocs({ port: 0 });
  const choice = await findChromium();
  console.log(`docs browser test: Chromium from ${choice.source}`);
  browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, env: choice.env, timeout: budget(60_000) });
  mkdirSync(screenshots, { recursive: true });
});

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
    await expect.poll(() => page.locator('body').innerText(), { timeout: budget(5000) }).toMatch(/Create an offboarding event/);
    const result = page.getByText('Create an offboarding event').last();
    await result.click();
    await expect.poll(() => page.url()).toContain('createoffboardevent');
    await page.screenshot({ path: `${screenshots}search.png` });
    await page.close();
  });

  it('shows generated code samples and the logo, and offers the spec for download', async () => {
    const page = await open();
    await page.goto(`${site.url}/#/personnel-events/createoffboardevent`);
    await expect.poll(() => page.locator('body').innerText()).toContain("curl -sS --fail-with-body -X POST 'https://pa.example.com/api/personnel-events/offboard'");
    // Redoc renders the operation, then scrolls to it: wait until the sample is on screen.
    const sample = page.getByText('/api/personnel-events/offboard', { exact: false }).locator('visible=true').first();
    await sample.scrollIntoViewIfNeeded();
    await expect.poll(() => sample.isVisible()).toBe(true);
    expect(await page.locator('img[src="logo.svg"]').count()).toBeGreaterThan(0);
    const yaml = await fetch(`${site.url}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toContain('openapi: 3.1.0');
    expect((await page.content()).includes('href="openapi.yaml"') || (await page.locator('a[href="openapi.yaml"]').count()) > 0).toBe(true);
    for (const file of ['postman/permission-assist.postman_collection.json', 'postman/permission-assist.postman_environment.json']) {
      expect(await page.locator(`a[href="${file}"]`).count(), file).toBeGreaterThan(0);
      const download = await fetch(`${site.url}/${file}`);
      expect(download.status, file).toBe(200);
      expect(Object.keys((await download.json()) as object), file).toEqual(expect.arrayContaining(file.includes('collection') ? ['info', 'item'] : ['name', 'values']));
    }
    await page.screenshot({ path: `${screenshots}operation.png` });
    await page.close();
  });

  /** Picks `language` in the sample panel of one operation and returns the sample it shows. */
  async function sampleShown(page: Page, sectionId: string, language: string): Promise<string> {
    const section = page.locator(`[data-section-id="${sectionId}"]`);
    await section.scrollIntoViewIfNeeded();
    const chooser = section.getByRole('button', { name: /^(curl|PowerShell|Python|TypeScript|Payload)$/ }).first();
    const code = section.locator('[data-testid="source-code"]').first();
    const [shownLanguage, shownCode] = [(await chooser.innerText()).trim(), await code.innerText()];
    await chooser.click();
    await page.getByRole('menuitem', { name: language, exact: true }).click();
    await expect.poll(() => section.getByRole('button', { name: language, exact: true }).count()).toBeGreaterThan(0);
    // The chooser's label can change a render before the code under it does (seen on a busy machine).
    if (shownLanguage !== language) await expect.poll(() => code.innerText(), { timeout: budget(5000) }).not.toBe(shownCode);
    return code.innerText();
  }

  it('offers every sample language on a list, a create and the upload, each with its own way of doing it', async () => {
    const page = await open('light', '/#/identities/listidentities');
    const list = '/identities/listidentities';
    await page.waitForSelector(`[data-section-id="${list}"]`);
    expect(await sampleShown(page, list, 'PowerShell')).toMatch(/do \{[\s\S]*\} while \(\$page -le \$result\.totalPages\)/);
    expect(await sampleShown(page, list, 'Python')).toContain('while True:');
    expect(await sampleShown(page, list, 'TypeScript')).toContain('pa.identities.listAll(');
    expect(await sampleShown(page, list, 'curl')).toContain('page=1');

    await page.goto(`${site.url}/#/personnel-events/createoffboardevent`);
    const create = '/personnel-events/createoffboardevent';
    await page.waitForSelector(`[data-section-id="${create}"]`);
    expect(await sampleShown(page, create, 'curl')).toContain("$(date -u -d '+14 days' +%F)");
    expect(await sampleShown(page, create, 'PowerShell')).toContain('(Get-Date).AddDays(14)');
    expect(await sampleShown(page, create, 'Python')).toContain('date.today() + timedelta(days=14)');
    expect(await sampleShown(page, create, 'TypeScript')).toContain('pa.personnelEvents.createOffboard(');

    await page.goto(`${site.url}/#/application-imports/uploadapplicationimport`);
    const upload = '/application-imports/uploadapplicationimport';
    await page.waitForSelector(`[data-section-id="${upload}"]`);
    expect(await sampleShown(page, upload, 'curl')).toContain('-F \'a1b2c3d4-0000-0000-0000-000000000001=@./');
    expect(await sampleShown(page, upload, 'PowerShell')).toContain('Form = @{');
    expect(await sampleShown(page, upload, 'Python')).toContain('files=files');
    expect(await sampleShown(page, upload, 'TypeScript')).toContain('@permission-assist/client/node');
    await page.screenshot({ path: `${screenshots}upload-samples.png` });
    await page.close();
  });

  it("dates the onboarding example after today", async () => {
    const page = await open('light', '/#/personnel-events/createonboardevent');
    const section = '/personnel-events/createonboardevent';
    await page.waitForSelector(`[data-section-id="${section}"]`);
    const payload = await sampleShown(page, section, 'Payload');
    const date = /"effectiveDate":\s*"(\d{4}-\d{2}-\d{2})/.exec(payload)?.[1];
    expect(date, payload).toBeDefined();
    expect(Date.parse(date!)).toBeGreaterThan(Date.now());
    // and the curl sample computes it when it runs
    expect(await sampleShown(page, section, 'curl')).toContain('"effectiveDate": "$(date -u -d \'+14 days\' +%F)"');
    await page.close();
  });

  it('shows clean text in search excerpts and the Servers box', async () => {
    const page = await open();
    await page.locator('[data-testid="search-trigger"]').click();
    await page.keyboard.type('identity');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 5000 }).toMatch(/Create an onboarding event/);
    const excerpts = await page.locator('body').innerText();
    // Line breaks of the description used to vanish from excerpts: "details\ncome" read "detailscome".
    expect(excerpts).toContain('their details come in identity');
    expect(excerpts).not.toMatch(/detailscome|malformedid|noshared/);
    await page.keyboard.press('Escape');
    await page.goto(`${site.url}/#/identities/listidentities`);
    const section = page.locator('[data-section-id="/identities/listidentities"]');
    await section.getByRole('button', { name: /\/api\/identities/ }).first().click();
    const servers = await page.getByRole('menuitem').first().innerText();
    expect(servers).toContain('the base URL of the API is https://pa.example.com/api.');
    expect(servers).not.toContain('`');
    await page.close();
  });

  it('says first how to get a token and where requests go', async () => {
    const page = await open();
    const intro = (await page.locator('[data-testid="middle-panel"]').first().innerText()).slice(0, 600);
    expect(intro).toMatch(/Start here\. An administrator .* creates an API token .* PA_TOKEN/s);
    expect(intro).toContain('Calls go to https://<your-server>/api/...');
    await page.close();
  });

  it('shows the business workflows (spec/workflows) with their steps, and offers each Arazzo file', async () => {
    const described = JSON.parse(readFileSync(new URL('../../spec/workflows/workflows.json', import.meta.url), 'utf8')) as { file: string; title: string; workflows: { summary: string }[] }[];
    const page = await open();
    await page.locator('[data-testid="menu-item-label"]', { hasText: /^Business workflows$/ }).first().click();
    const text = await page.locator('[data-testid="middle-panel"]').first().innerText();
    for (const file of described) {
      expect(text).toContain(file.title);
      for (const workflow of file.workflows) expect(text).toContain(workflow.summary);
      const download = await fetch(`${site.url}/workflows/${file.file}`);
      expect(download.status, file.file).toBe(200);
      expect(await download.text()).toContain('arazzo: 1.0');
    }
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

  it('documents the sandbox controls on their own page', async () => {
    const sandbox = loadSpec(sandboxSpecPath);
    const page = await open('light', '/sandbox/');
    expect((await expectInNavigation(page, sandbox)).length).toBeGreaterThan(10);
    // curl, PowerShell and Python (the client has no sandbox methods), aimed at the local sandbox.
    expect(await page.content()).toContain('http://127.0.0.1:4010/sandbox/clock/advance');
    await page.close();
  });

  it("puts the reader's sandbox address into the sandbox page's samples and servers", async () => {
    const advance = '/clock/advanceclock';
    // A sandbox on another port, as `npm start -- --mock-port 4999` links to it.
    let page = await open('light', `/sandbox/?sandbox=http://127.0.0.1:4999#${advance}`);
    await page.waitForSelector(`[data-section-id="${advance}"]`);
    const section = page.locator(`[data-section-id="${advance}"]`);
    await expect.poll(() => section.locator('[data-testid="source-code"]').first().innerText()).toContain("'http://127.0.0.1:4999/sandbox/clock/advance'");
    expect(await section.innerText()).not.toContain('127.0.0.1:4010');
    await page.close();
    // Served under another host name: the sandbox is looked for on that host.
    page = await open('light', `/sandbox/#${advance}`, 'localhost');
    await page.waitForSelector(`[data-section-id="${advance}"]`);
    await expect.poll(() => page.locator(`[data-section-id="${advance}"] [data-testid="source-code"]`).first().innerText()).toContain("'http://localhost:4010/sandbox/clock/advance'");
    await page.close();
  });

  it('links the sandbox page and the API page both ways', async () => {
    const page = await open('light', '/sandbox/');
    await page.locator('a[href="../"]').first().click();
    await page.waitForSelector('[data-testid="menu-item-label"]');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('a[href="sandbox/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('gets every file of a first visit compressed, each answer saying it varies with Accept-Encoding', async () => {
    for (const path of ['/', '/sandbox/']) {
      const resources = await pageResources(browser, `${site.url}${path}`, '[data-testid="menu-item-label"]');
      // The document, the renderer's module (the bulk of the bytes) and the logo, at least.
      expect(resources.map((r) => new URL(r.url).pathname).sort()).toEqual(expect.arrayContaining([path, '/redoc.js', `${path}logo.svg`]));
      for (const resource of resources) {
        expect({ url: resource.url, status: resource.status, encoding: resource.encoding, vary: resource.vary }).toEqual({ url: resource.url, status: 200, encoding: 'br', vary: 'Accept-Encoding' });
      }
    }
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
