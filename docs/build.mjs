// Builds the documentation site into site/: self-contained HTML pages (Redoc, inline bundle, no
// network at view time) with generated code samples, plus the descriptions to download.
//   site/index.html          the Permission Assist API, from spec/openapi.yaml
//   site/sandbox/index.html  the sandbox's control plane, from spec/sandbox.yaml
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec, sandboxSpecPath } from '@permission-assist/spec-kit';
import { parse, stringify } from 'yaml';
import { codeSamples, languages } from './code-samples.mjs';
import { postmanCollection, postmanEnvironment } from './postman.mjs';
import { prepareForSite } from './prepare.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const site = here('./site/');
rmSync(site, { recursive: true, force: true });

/**
 * The renderer's options for the site: the project's redocly.yaml plus the sample languages, in
 * the order of code-samples.mjs (the renderer shows only the languages it is told of). Written
 * next to the project's config for the build and removed after.
 */
const siteConfig = here('./.redocly.site.yaml');
const config = parse(readFileSync(here('../redocly.yaml'), 'utf8'));
delete config.apis;
// Payload: the renderer's own tab with the example body as JSON (dated from the build day).
config.openapi = { ...config.openapi, codeSamples: { languages: [...languages.map(({ lang, label }) => ({ lang, label })), { lang: 'Payload', label: 'Payload' }] } };

/**
 * Where the page hands the definition to the renderer. On the sandbox page, the template's script
 * gets it first to put the sandbox's address as the reader sees it into the samples and servers.
 */
const HYDRATE = 'hydrate(__redoc_definition, ';

/**
 * The renderer's bundle (2.2 MB, the same for every page) moves out of the page into one module
 * file beside it, site/redoc.js. The browser then parses and compiles it off the main thread as it
 * arrives (an inline script is compiled on the main thread after the whole page has been parsed),
 * and the sandbox page reuses the copy the API page loaded. Returns the page without the bundle.
 */
const BUNDLE_START = '<script type="module">';
const BUNDLE_END = 'export{RedocStandalone,hydrate,init};';
function moveBundleOut(html, siteRelative) {
  const start = html.indexOf(BUNDLE_START);
  const end = html.indexOf(BUNDLE_END, start);
  if (start < 0 || end < 0) throw new Error(`docs: the renderer's page no longer has its bundle between "${BUNDLE_START}" and "${BUNDLE_END}"; update build.mjs`);
  const bundle = html.slice(start + BUNDLE_START.length, end + BUNDLE_END.length);
  const target = `${site}redoc.js`;
  if (existsSync(target) && readFileSync(target, 'utf8') !== bundle) throw new Error('docs: the two pages were rendered by different bundles');
  writeFileSync(target, bundle);
  const page = html.slice(0, start + BUNDLE_START.length) + `import { hydrate } from '${siteRelative}redoc.js';` + html.slice(end + BUNDLE_END.length);
  return page.replace('</title>', `</title>\n  <link rel="modulepreload" href="${siteRelative}redoc.js">`);
}

/** Renders one description into `dir`/index.html, with the logo beside it; returns the page size in KiB. */
function buildPage(document, dir, title, sampleOptions = {}, siteRelative = './') {
  mkdirSync(dir, { recursive: true });
  const docs = prepareForSite(structuredClone(document));
  docs.info['x-logo'] = { url: 'logo.svg', altText: 'Permission Assist SDK', href: '#' };
  for (const entry of listOperations(docs)) {
    if (entry.section === 'paths') entry.operation['x-codeSamples'] = codeSamples(docs, entry, sampleOptions);
  }
  const prepared = `${dir}.openapi.docs.json`;
  writeFileSync(prepared, JSON.stringify(docs));
  writeFileSync(siteConfig, `# Written by docs/build.mjs for one build; see redocly.yaml.\n${stringify(config)}`);
  try {
    execFileSync(
      here('../node_modules/.bin/redocly'),
      ['build-docs', prepared, '--inlineBundle', '--template', here('./template.hbs'), '--title', title, '-o', `${dir}index.html`, '--config', siteConfig],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } finally {
    rmSync(siteConfig, { force: true });
  }
  rmSync(prepared);
  // The renderer's badge points its logo at a CDN; the page must work with no network at all.
  let html = readFileSync(`${dir}index.html`, 'utf8')
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'logo.svg')
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', 'logo.svg');
  if (sampleOptions.host) {
    if (!html.includes(HYDRATE)) throw new Error(`docs: the renderer's page no longer calls "${HYDRATE}"; update build.mjs`);
    html = html
      .replace(HYDRATE, 'hydrate(window.paLocalise(__redoc_definition), ')
      .replace('<body>', `<body data-pa-sandbox-host="${sampleOptions.host}">`);
  }
  html = moveBundleOut(html, siteRelative);
  writeFileSync(`${dir}index.html`, html);
  copyFileSync(here('./assets/logo.svg'), `${dir}logo.svg`);
  return Math.round(html.length / 1024);
}

/**
 * The business workflows (spec/workflows, Arazzo 1.0) as a section of the reference: their generated
 * README with its headings moved one level down, under one navigation entry, and the files to download.
 */
function workflowsSection() {
  const readme = readFileSync(here('../spec/workflows/README.md'), 'utf8')
    .replace(/^# .*\n/, '')
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/^(#{2,5}) /gm, '#$1 ')
    .replace(/`([a-z-]+\.arazzo\.yaml)`/g, '[`$1`](workflows/$1)');
  mkdirSync(`${site}workflows`, { recursive: true });
  for (const file of readdirSync(here('../spec/workflows')).filter((name) => name.endsWith('.arazzo.yaml'))) {
    copyFileSync(here(`../spec/workflows/${file}`), `${site}workflows/${file}`);
  }
  return `\n## Business workflows\n${readme.trim()}\n`;
}

const spec = loadSpec();
const api = structuredClone(spec);
// Two lines to start with, before the long introduction (the vendor's getting-started steps).
api.info.description =
  '**Start here.** An administrator of your Permission Assist server creates an API token (System Configuration, API tokens: ' +
  'the secret is shown once) and you put it in `PA_TOKEN`; every sample reads it from there.\n\n' +
  'Calls go to `https://<your-server>/api/...` (the samples use `https://pa.example.com`) with the header `Authorization: Bearer <token>`. ' +
  'No server yet? `npx @permission-assist/mock` runs a sandbox at `http://127.0.0.1:4010`.\n\n' +
  api.info.description;
api.info.description +=
  '\n## Download\n\nThe OpenAPI 3.1 description behind this page: [openapi.yaml](openapi.yaml) · [openapi.json](openapi.json).\n' +
  'Generate your own client from it, import it into an API tool, or run the sandbox (`npx @permission-assist/mock`), ' +
  'whose controls (reset, clock, webhooks) are documented on [the sandbox page](sandbox/).\n\n' +
  'For Postman (or newman): [the collection](postman/permission-assist.postman_collection.json) and ' +
  '[an environment](postman/permission-assist.postman_environment.json) to import; set `baseUrl` to your server and `bearerToken` to your token. ' +
  'Every request checks that it gets the status this reference documents.\n';
api.info.description += workflowsSection();
const apiKiB = buildPage(api, site, 'Permission Assist API reference');
copyFileSync(here('../spec/openapi.yaml'), `${site}openapi.yaml`);
writeFileSync(`${site}openapi.json`, `${JSON.stringify(spec, null, 2)}\n`);
mkdirSync(`${site}postman`);
writeFileSync(`${site}postman/permission-assist.postman_collection.json`, `${JSON.stringify(await postmanCollection(spec), null, 2)}\n`);
writeFileSync(`${site}postman/permission-assist.postman_environment.json`, `${JSON.stringify(postmanEnvironment(), null, 2)}\n`);

// The control plane's own description refers to the API's schemas; loadSpec inlines them, so the
// page and the downloadable JSON stand alone.
const sandbox = loadSpec(sandboxSpecPath);
const controls = structuredClone(sandbox);
controls.info.description +=
  '\n## See also\n\n[The Permission Assist API reference](../), which the sandbox serves under `/api`. ' +
  'This page as OpenAPI 3.1: [sandbox.json](sandbox.json).\n';
const sandboxKiB = buildPage(controls, `${site}sandbox/`, 'Permission Assist sandbox controls', { host: 'http://127.0.0.1:4010' }, '../');
writeFileSync(`${site}sandbox/sandbox.json`, `${JSON.stringify(sandbox, null, 2)}\n`);

console.log(`docs: wrote site/index.html (${apiKiB} KiB), redoc.js (${Math.round(statSync(`${site}redoc.js`).size / 1024)} KiB), openapi.yaml, openapi.json, postman/ (collection, environment), sandbox/index.html (${sandboxKiB} KiB), sandbox/sandbox.json, logo.svg`);
