// PowerShell 7 (Invoke-RestMethod): the token from $env:PA_TOKEN, bodies as ordered hashtables
// turned into JSON, dates from Get-Date, a paging loop for lists, uploads with -Form, and one
// catch block that shows the status, the field errors and the correlationId.
import { DaysFromToday, queryString, TOKEN_VARIABLE } from './request.mjs';

const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const key = (name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quote(name));
const verb = (method) => method[0] + method.slice(1).toLowerCase();

function literal(value, indent = '') {
  if (value instanceof DaysFromToday) {
    const date = `(Get-Date).AddDays(${value.days}).ToString('yyyy-MM-dd')`;
    return value.time ? `${date} + 'T00:00:00Z'` : date;
  }
  if (value === null) return '$null';
  if (value === true || value === false) return `$${value}`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) {
    if (!value.length) return '@()';
    return `@(\n${value.map((v) => `${indent}  ${literal(v, `${indent}  `)}`).join('\n')}\n${indent})`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '[ordered]@{}';
  return `[ordered]@{\n${entries.map(([k, v]) => `${indent}  ${key(k)} = ${literal(v, `${indent}  `)}`).join('\n')}\n${indent}}`;
}

/** Reads an error answer: Invoke-RestMethod throws, with the response and its body on the error record. */
const CATCH = [
  '} catch {',
  '  $status = [int]$_.Exception.Response.StatusCode',
  '  $problem = $_.ErrorDetails.Message | ConvertFrom-Json',
  '  Write-Host "HTTP $status $($problem.error): $($problem.message) (correlationId $($problem.correlationId))"',
  '  foreach ($fieldError in $problem.errors) { Write-Host "  $($fieldError.field): $($fieldError.message)" }',
  '  throw',
  '}',
];

export const powershell = {
  lang: 'PowerShell',
  label: 'PowerShell',
  /** @param {import('./request.mjs').SampleRequest} request */
  render(request) {
    const lines = [];
    // Splatting: one named argument per line, the same for every operation.
    const request_ = [`  Method = '${verb(request.method)}'`];
    const url = `${request.host}${request.path}${queryString(request.query)}`;
    if (!request.paged) request_.push(`  Uri = ${quote(url)}`);
    request_.push(`  Headers = @{ Authorization = "Bearer $env:${TOKEN_VARIABLE}" }`);
    if (request.json !== undefined) {
      lines.push(`$body = ${literal(request.json)} | ConvertTo-Json -Depth 10`);
      request_.push(`  ContentType = 'application/json'`, '  Body = $body');
    }
    if (request.multipart) {
      lines.push('# -Form needs PowerShell 7 or later. Windows PowerShell 5.1 has no -Form: build a', '# System.Net.Http.MultipartFormDataContent and send it with HttpClient, or call curl.exe -F.');
      const form = [...request.multipart.fields.map(([name, value]) => `    ${key(name)} = ${quote(value)}`), ...request.multipart.files.map((file) => `    ${key(file.part)} = Get-Item ${quote(`./${file.filename}`)}`)];
      request_.push(`  Form = @{\n${form.join('\n')}\n  }`);
    }
    lines.push(`$request = @{\n${request_.join('\n')}\n}`, '', 'try {');
    if (request.paged) {
      const pageUrl = `${url}${request.query.length ? '&' : '?'}page=$page`;
      lines.push(
        '  # Pages of 50: read page 1, then up to totalPages.',
        '  $page = 1',
        '  do {',
        `    $result = Invoke-RestMethod @request -Uri "${pageUrl.replaceAll('`', '``').replaceAll('"', '`"')}"`,
        '    foreach ($item in $result.items) { $item }',
        '    $page++',
        '  } while ($page -le $result.totalPages)',
      );
    } else {
      lines.push('  $result = Invoke-RestMethod @request');
      lines.push(request.returnsBody ? '  $result | ConvertTo-Json -Depth 10' : `  Write-Host 'Done (HTTP ${request.status})'`);
    }
    lines.push(...CATCH);
    return `${lines.join('\n')}\n`;
  },
};
