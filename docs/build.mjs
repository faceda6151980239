// Builds the documentation site into site/: one self-contained HTML page (Redoc, inline bundle, no
// network at view time) from spec/openapi.yaml, with generated code samples, plus the spec to download.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec } from '@permission-assist/spec/load';
import { codeSamples } from './code-samples.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const site = here('./site/');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

const spec = loadSpec();
const docs = structuredClone(spec);
docs.info['x-logo'] = { url: 'logo.svg', altText: 'Permission Assist SDK', href: '#' };
docs.info.description +=
  '\n## Download\n\nThe OpenAPI 3.1 description behind this page: [openapi.yaml](openapi.yaml) · [openapi.json](openapi.json).\n' +
  'Generate your own client from it, import it into an API tool, or run the mock server (`npx pa-mock`).\n';
for (const entry of listOperations(docs)) {
  if (entry.section === 'paths') entry.operation['x-codeSamples'] = codeSamples(docs, entry);
}
const prepared = here('./site/.openapi.docs.json');
writeFileSync(prepared, JSON.stringify(docs));

execFileSync(
  here('../node_modules/.bin/redocly'),
  ['build-docs', prepared, '--inlineBundle', '--template', here('./template.hbs'), '--title', 'Permission Assist API reference', '-o', `${site}index.html`, '--config', here('../redocly.yaml')],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
rmSync(prepared);

// The renderer's badge points its logo at a CDN; the page must work with no network at all.
const html = readFileSync(`${site}index.html`, 'utf8')
  .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'logo.svg')
  .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', 'logo.svg');
writeFileSync(`${site}index.html`, html);
copyFileSync(here('./assets/logo.svg'), `${site}logo.svg`);
copyFileSync(here('../spec/openapi.yaml'), `${site}openapi.yaml`);
writeFileSync(`${site}openapi.json`, `${JSON.stringify(spec, null, 2)}\n`);
console.log(`docs: wrote site/index.html (${Math.round(html.length / 1024)} KiB), openapi.yaml, openapi.json, logo.svg`);
