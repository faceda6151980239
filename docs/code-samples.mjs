// Code samples for every operation, generated from the spec's own parameters and examples:
// a curl command and a TypeScript call through @permission-assist/client.
import { deref, methodName, resourceNames } from '@permission-assist/spec-kit';

const HOST = 'https://pa.example.com';

function firstExample(spec, content) {
  const [name] = Object.keys(content?.examples ?? {});
  return name ? deref(spec, content.examples[name]).value : content?.example;
}

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function tsValue(value, indent = '') {
  return JSON.stringify(value, null, 2)
    .replace(/"([A-Za-z_$][\w$]*)":/g, '$1:')
    .replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner) => `'${inner.replaceAll("'", "\\'").replaceAll('\\"', '"')}'`)
    .split('\n')
    .join(`\n${indent}`);
}

/**
 * `host` and `token` go into the samples; `client: false` leaves out the TypeScript sample (the
 * sandbox's control plane has no client methods).
 */
export function codeSamples(spec, { path, method, operation, parameters }, { host = HOST, token = 'pa_...', client = true } = {}) {
  const pathParams = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.example]));
  const query = Object.fromEntries(parameters.filter((p) => p.in === 'query' && p.name !== 'page' && p.example !== undefined).map((p) => [p.name, p.example]));
  const url = `${host}${path.replace(/\{(\w+)\}/g, (_m, name) => pathParams[name])}`;
  const content = deref(spec, operation.requestBody)?.content ?? {};
  const json = firstExample(spec, content['application/json']);
  const multipart = firstExample(spec, content['multipart/form-data']);

  const curl = [`curl -X ${method.toUpperCase()} ${shellQuote(`${url}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`)}`, `  -H 'Authorization: Bearer ${token}'`];
  if (json !== undefined) curl.push(`  -H 'Content-Type: application/json'`, `  -d ${shellQuote(JSON.stringify(json))}`);
  if (multipart !== undefined) {
    for (const [name, value] of Object.entries(multipart)) {
      curl.push(name === 'applicationId' ? `  -F ${shellQuote(`applicationId=${value}`)}` : `  -F ${shellQuote(`${name}=@./${name}.csv`)}`);
    }
  }

  const shell = { lang: 'Shell', label: 'curl', source: curl.join(' \\\n') };
  if (!client) return [shell];

  const names = resourceNames(operation.tags[0]);
  const call = `pa.${names.property}.${methodName(operation.operationId, names)}`;
  const isList = parameters.some((p) => p.in === 'query' && p.name === 'page');
  const importFrom = multipart !== undefined ? '@permission-assist/client/node' : '@permission-assist/client';
  const ts = [
    `import { createPermissionAssistClient } from '${importFrom}';`,
    '',
    `const pa = createPermissionAssistClient({ baseUrl: '${HOST}', token: process.env.PA_TOKEN! });`,
    '',
  ];
  const filters = Object.keys(query).length ? tsValue(query) : '';
  if (isList) {
    ts.push(`const page = await ${call}(${filters ? `{ page: 1, ...${filters} }` : '{ page: 1 }'});`);
    ts.push(`console.log(page.totalCount, page.items);`, '', `// or every item of every page, in order:`);
    ts.push(`for await (const item of ${call}All(${filters})) console.log(item);`);
  } else if (Object.keys(pathParams).length) {
    ts.push(`const result = await ${call}(${tsValue(Object.values(pathParams)[0])});`, 'console.log(result);');
  } else if (multipart !== undefined) {
    const files = Object.keys(multipart).filter((k) => k !== 'applicationId');
    ts.push(`// One file per connector file group, keyed by its id (a Blob, bytes, or a path in Node).`);
    ts.push(`const result = await ${call}({`, `  applicationId: '${multipart.applicationId}',`, '  files: {');
    for (const group of files) ts.push(`    '${group}': './${group}.csv',`);
    ts.push('  },', '});', 'console.log(result.status);');
  } else {
    ts.push(`const result = await ${call}(${tsValue(json)});`, 'console.log(result);');
  }
  return [
    shell,
    { lang: 'TypeScript', label: 'TypeScript', source: `${ts.join('\n')}\n` },
  ];
}
