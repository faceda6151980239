// Python 3 with requests: the token from os.environ, bodies as dicts sent with json=, dates from
// date.today(), a paging loop for lists, uploads as real multipart (files=), and one function that
// prints the status, the field errors and the correlationId of an error answer.
import { DaysFromToday, TOKEN_VARIABLE } from './request.mjs';

/** A JSON string literal is a valid Python string literal too (same escapes). */
const str = (text) => JSON.stringify(text);

/** Python source to put into a literal as it is (a variable). */
class Code {
  constructor(text) {
    this.text = text;
  }
}

function literal(value, indent = '') {
  if (value instanceof Code) return value.text;
  if (value instanceof DaysFromToday) {
    const date = `date.today() + timedelta(days=${value.days})`;
    return value.time ? `f"{${date}}T00:00:00Z"` : `(${date}).isoformat()`;
  }
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${indent}    ${literal(v, `${indent}    `)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}    ${str(k)}: ${literal(v, `${indent}    `)},`).join('\n')}\n${indent}}`;
}

const hasDates = (value) =>
  value instanceof DaysFromToday || (value !== null && typeof value === 'object' && Object.values(value).some(hasDates));

const CHECK = [
  'def check(response):',
  '    """Stops with what the server said when the answer is an error."""',
  '    if response.ok:',
  '        return',
  '    problem = response.json()',
  '    print(f"HTTP {response.status_code} {problem[\'error\']}: {problem[\'message\']} (correlationId {problem[\'correlationId\']})")',
  '    for field_error in problem.get("errors", []):',
  '        print(f"  {field_error[\'field\']}: {field_error[\'message\']}")',
  '    response.raise_for_status()',
];

export const python = {
  lang: 'Python',
  label: 'Python',
  /** @param {import('./request.mjs').SampleRequest} request */
  render(request) {
    const imports = ['import os'];
    if (!request.paged && request.returnsBody) imports.unshift('import json');
    if (request.json !== undefined && hasDates(request.json)) imports.push('from datetime import date, timedelta');
    const lines = [...imports, '', 'import requests', '', ...CHECK, '', 'session = requests.Session()', `session.headers["Authorization"] = f"Bearer {os.environ['${TOKEN_VARIABLE}']}"`, ''];
    const url = str(`${request.host}${request.path}`);
    const args = [url];
    const params = Object.fromEntries(request.query);
    if (request.json !== undefined) {
      lines.push(`body = ${literal(request.json)}`);
      args.push('json=body');
    }
    if (request.multipart) {
      lines.push('# One part per connector file group, named by its id; the with block closes the files.');
      const opens = request.multipart.files.map((file, i) => `open(${str(file.filename)}, "rb") as file${i + 1}`);
      lines.push(`with ${opens.join(', ')}:`);
      lines.push(`    form = ${literal(Object.fromEntries(request.multipart.fields), '    ')}`);
      lines.push(`    files = {`, ...request.multipart.files.map((file, i) => `        ${str(file.part)}: (${str(file.filename)}, file${i + 1}, "text/csv"),`), '    }');
      lines.push(`    response = session.${request.method.toLowerCase()}(${[...args, 'data=form', 'files=files'].join(', ')})`);
      lines.push('check(response)', 'print(json.dumps(response.json(), indent=2))');
      return `${lines.join('\n')}\n`;
    }
    if (request.paged) {
      lines.push(
        '# Pages of 50: read page 1, then up to totalPages.',
        'page = 1',
        'while True:',
        `    response = session.get(${url}, params=${literal({ ...params, page: new Code('page') }, '    ')})`,
        '    check(response)',
        '    result = response.json()',
        '    for item in result["items"]:',
        '        print(item["id"])',
        '    if page >= result["totalPages"]:',
        '        break',
        '    page += 1',
      );
      return `${lines.join('\n')}\n`;
    }
    if (request.query.length) {
      lines.push(`params = ${literal(params)}`);
      args.push('params=params');
    }
    lines.push(`response = session.${request.method.toLowerCase()}(${args.join(', ')})`, 'check(response)');
    lines.push(request.returnsBody ? 'print(json.dumps(response.json(), indent=2))' : `print("Done (HTTP ${request.status})")`);
    return `${lines.join('\n')}\n`;
  },
};
