// curl (bash, or any POSIX shell with GNU date): the token from $PA_TOKEN, JSON bodies
// pretty-printed in a here-document, dates computed by `date`, files sent as real multipart parts.
import { DaysFromToday, queryString, TOKEN_VARIABLE } from './request.mjs';

const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;
/** Text inside an unquoted here-document, where only $, ` and \ mean something to the shell. */
const hereText = (text) => text.replace(/[\\$`]/g, (c) => `\\${c}`);

function jsonWithDates(value, indent = '') {
  if (value instanceof DaysFromToday) return `"$(date -u -d '+${value.days} days' +%F)${value.time ? 'T00:00:00Z' : ''}"`;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${indent}  ${jsonWithDates(v, `${indent}  `)}`).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    return `{\n${entries.map(([k, v]) => `${indent}  ${hereText(JSON.stringify(k))}: ${jsonWithDates(v, `${indent}  `)}`).join(',\n')}\n${indent}}`;
  }
  return hereText(JSON.stringify(value));
}

export const curl = {
  lang: 'Shell',
  label: 'curl',
  /** @param {import('./request.mjs').SampleRequest} request */
  render(request) {
    const url = `${request.host}${request.path}${queryString(request.paged ? [...request.query, ['page', '1']] : request.query)}`;
    const lines = [];
    if (request.paged) lines.push('# One page of 50; ask for page=2 up to totalPages for the rest.');
    lines.push('# On an error status curl exits with 22 and prints the error body:', '# error, message, errors[] (field, message) and correlationId.');
    const command = [`curl -sS --fail-with-body -X ${request.method} ${quote(url)}`, `  -H "Authorization: Bearer $${TOKEN_VARIABLE}"`];
    let heredoc;
    if (request.json !== undefined) {
      command.push(`  -H 'Content-Type: application/json'`);
      heredoc = jsonWithDates(request.json);
    }
    for (const [name, value] of request.multipart?.fields ?? []) command.push(`  -F ${quote(`${name}=${value}`)}`);
    for (const file of request.multipart?.files ?? []) command.push(`  -F ${quote(`${file.part}=@./${file.filename};type=text/csv`)}`);
    command.push(`  -w '\\nHTTP %{http_code}\\n'${heredoc === undefined ? '' : ' \\\n  --data @- <<EOF'}`);
    lines.push(command.join(' \\\n'));
    if (heredoc !== undefined) lines.push(heredoc, 'EOF');
    return `${lines.join('\n')}\n`;
  },
};
