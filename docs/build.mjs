// Builds the documentation site into site/: self-contained HTML pages (Redoc, inline bundle, no
// network at view time) with generated code samples, plus the descriptions to download.
//   site/index.html          the Permission Assist API, from spec/openapi.yaml
//   site/sandbox/index.html  the sandbox's control plane, from spec/sandbox.yaml
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec, sandboxSpecPath } from '@permission-assist/spec-kit';
import { codeSamples } from './code-samples.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const site = here('./site/');
rmSync(site, { recursive: true, force: true });

/** Renders one description into `dir`/index.html, with the logo beside it; returns the page size in KiB. */
function buildPage(document, dir, title, sampleOptions) {
  mkdirSync(dir, { recursive: true });
  const docs = structuredClone(document);
  docs.info['x-logo'] = { url: 'logo.svg', altText: 'Permission Assist SDK', href: '#' };
  for (const entry of listOperations(docs)) {
    if (entry.section === 'paths') entry.operation['x-codeSamples'] = codeSamples(docs, entry, sampleOptions);
  }
  const prepared = `${dir}.openapi.docs.json`;
  writeFileSync(prepared, JSON.stringify(docs));
  execFileSync(
    here('../node_modules/.bin/redocly'),
    ['build-docs', prepared, '--inlineBundle', '--template', here('./template.hbs'), '--title', title, '-o', `${dir}index.html`, '--config', here('../redocly.yaml')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(prepared);
  // The renderer's badge points its logo at a CDN; the page must work with no network at all.
  const html = readFileSync(`${dir}index.html`, 'utf8')
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'logo.svg')
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', 'logo.svg');
  writeFileSync(`${dir}index.html`, html);
  copyFileSync(here('./assets/logo.svg'), `${dir}logo.svg`);
  return Math.round(html.length / 1024);
}

const spec = loadSpec();
const api = structuredClone(spec);
api.info.description +=
  '\n## Download\n\nThe OpenAPI 3.1 description behind this page: [openapi.yaml](openapi.yaml) · [openapi.json](openapi.json).\n' +
  'Generate your own client from it, import it into an API tool, or run the sandbox (`npx @permission-assist/mock`), ' +
  'whose controls (reset, clock, webhooks) are documented on [the sandbox page](sandbox/).\n';
const apiKiB = buildPage(api, site, 'Permission Assist API reference');
copyFileSync(here('../spec/openapi.yaml'), `${site}openapi.yaml`);
writeFileSync(`${site}openapi.json`, `${JSON.stringify(spec, null, 2)}\n`);

// The control plane's own description refers to the API's schemas; loadSpec inlines them, so the
// page and the downloadable JSON stand alone.
const sandbox = loadSpec(sandboxSpecPath);
const controls = structuredClone(sandbox);
controls.info.description +=
  '\n## See also\n\n[The Permission Assist API reference](../), which the sandbox serves under `/api`. ' +
  'This page as OpenAPI 3.1: [sandbox.json](sandbox.json).\n';
const sandboxKiB = buildPage(controls, `${site}sandbox/`, 'Permission Assist sandbox controls', { host: 'http://127.0.0.1:4010', token: 'pa_test', client: false });
writeFileSync(`${site}sandbox/sandbox.json`, `${JSON.stringify(sandbox, null, 2)}\n`);

console.log(`docs: wrote site/index.html (${apiKiB} KiB), openapi.yaml, openapi.json, sandbox/index.html (${sandboxKiB} KiB), sandbox/sandbox.json, logo.svg`);
