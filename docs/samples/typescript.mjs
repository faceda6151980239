// TypeScript through @permission-assist/client: the resource method of the operation, listAll for
// every item of a list, files by path for uploads (the Node entry), dates computed from today, and
// the client's ApiError for the status, the field errors and the correlationId.
import { methodName, resourceNames } from '@permission-assist/spec-kit';
import { DaysFromToday, TOKEN_VARIABLE } from './request.mjs';

const str = (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : str(name));

function literal(value, indent = '') {
  if (value instanceof DaysFromToday) return value.time ? `\`\${inDays(${value.days})}T00:00:00Z\`` : `inDays(${value.days})`;
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? str(value) : String(value);
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => `${indent}  ${literal(v, `${indent}  `)},`).join('\n')}\n${indent}]` : '[]';
  const entries = Object.entries(value);
  return entries.length ? `{\n${entries.map(([k, v]) => `${indent}  ${key(k)}: ${literal(v, `${indent}  `)},`).join('\n')}\n${indent}}` : '{}';
}

const hasDates = (value) =>
  value instanceof DaysFromToday || (value !== null && typeof value === 'object' && Object.values(value).some(hasDates));

export const typescript = {
  lang: 'TypeScript',
  label: 'TypeScript',
  /** The client has resource methods for the API only, not for the sandbox's control plane. */
  supports: (request) => request.path.startsWith('/api/'),
  /** @param {import('./request.mjs').SampleRequest} request */
  render(request, { operation }) {
    const names = resourceNames(operation.tags[0]);
    const call = `pa.${names.property}.${methodName(operation.operationId, names)}`;
    const importFrom = request.multipart ? '@permission-assist/client/node' : '@permission-assist/client';
    const lines = [
      `import { ApiError, createPermissionAssistClient } from '${importFrom}';`,
      '',
      `const pa = createPermissionAssistClient({ baseUrl: '${request.host}', token: process.env.${TOKEN_VARIABLE}! });`,
    ];
    if (request.json !== undefined && hasDates(request.json)) {
      lines.push('/** The date `days` from today (UTC), as YYYY-MM-DD. */', 'const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);');
    }
    lines.push('', 'try {');
    const body = [];
    const filters = request.query.length ? literal(Object.fromEntries(request.query), '  ') : '';
    const pathId = /\/([^/]+)$/.exec(request.path)?.[1];
    if (request.paged) {
      if (filters) body.push(`const filters = ${filters} as const;`);
      body.push(`const page = await ${call}(${filters ? '{ page: 1, ...filters }' : '{ page: 1 }'});`);
      body.push('console.log(page.totalCount, page.items);', '', '// or every item of every page, in order:');
      body.push(`for await (const item of ${call}All(${filters ? 'filters' : ''})) console.log(item.id);`);
    } else if (request.multipart) {
      body.push('// One file per connector file group, keyed by its id (a Blob, bytes, or a path in Node).');
      body.push(`const result = await ${call}({`);
      for (const [name, value] of request.multipart.fields) body.push(`  ${key(name)}: ${str(value)},`);
      body.push('  files: {', ...request.multipart.files.map((file) => `    ${str(file.part)}: ${str(`./${file.filename}`)},`), '  },', '});', 'console.log(result.status);');
    } else if (request.json !== undefined) {
      body.push(`const result = await ${call}(${literal(request.json, '  ')});`, 'console.log(result);');
    } else {
      body.push(`const result = await ${call}(${str(decodeURIComponent(pathId))});`, 'console.log(result);');
    }
    lines.push(...body.map((line) => (line ? `  ${line}` : line)));
    lines.push(
      '} catch (error) {',
      '  if (error instanceof ApiError) {',
      '    console.error(`HTTP ${error.status} ${error.code}: ${error.message} (correlationId ${error.correlationId})`);',
      '    for (const { field, message } of error.errors) console.error(`  ${field}: ${message}`);',
      '  }',
      '  throw error;',
      '}',
    );
    return `${lines.join('\n')}\n`;
  },
};
