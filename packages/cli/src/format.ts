// Output formats. json: the answer as it came (pretty-printed); ndjson: one record per line (a page's
// items, or each item of --all as it arrives); table: aligned columns for people; csv: RFC 4180 rows
// for spreadsheets. Nested objects show as their `name` (or `id`) in table and csv, the rest as JSON.
import type { Output } from './io.js';

export const FORMATS = ['json', 'ndjson', 'table', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

type Row = Record<string, unknown>;

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The records of an answer: a page's items, an array's elements, or the one record. */
export function recordsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value.items) && 'totalPages' in value) return value.items;
  return [value];
}

/** A cell: scalars as they are, a nested record by its name or id, anything else as compact JSON. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (isObject(value)) {
    if (typeof value.name === 'string') return value.name;
    if (typeof value.id === 'string') return value.id;
  }
  return JSON.stringify(value);
}

export function columnsOf(records: unknown[]): string[] {
  const columns: string[] = [];
  for (const record of records) {
    if (!isObject(record)) continue;
    for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
  }
  return columns;
}

const CSV_SPECIAL = /[",\r\n]/;
export function csvField(text: string): string {
  return CSV_SPECIAL.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A table: one row per record (key/value pairs for a single record). Long cells are cut on a terminal. */
export function renderTable(value: unknown, maxCell = 60): string {
  const records = recordsOf(value);
  if (records.length === 1 && isObject(records[0]) && !Array.isArray(value) && !(isObject(value) && 'items' in value)) {
    const entries = Object.entries(records[0]);
    const width = Math.max(...entries.map(([key]) => key.length));
    return entries.map(([key, v]) => `${key.padEnd(width)}  ${cell(v).replace(/\s*\n\s*/g, ' ')}`).join('\n') + '\n';
  }
  if (records.every((r) => !isObject(r))) return records.map(cell).join('\n') + (records.length ? '\n' : '');
  const columns = columnsOf(records);
  const cut = (text: string) => {
    const flat = text.replace(/\s*\n\s*/g, ' ');
    return flat.length > maxCell ? `${flat.slice(0, maxCell - 1)}…` : flat;
  };
  const rows = records.map((record) => columns.map((column) => cut(cell(isObject(record) ? record[column] : undefined))));
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...rows.map(line)].join('\n') + '\n';
}

export function renderCsv(value: unknown): string {
  const records = recordsOf(value);
  if (records.every((r) => !isObject(r))) return records.map((r) => csvLine([cell(r)])).join('');
  const columns = columnsOf(records);
  return csvLine(columns) + records.map((record) => csvLine(columns.map((column) => cell(isObject(record) ? record[column] : undefined)))).join('');
}

/** Writes a whole answer in a format. */
export async function writeValue(out: Output, format: Format, value: unknown): Promise<void> {
  if (value === undefined) return;
  if (format === 'json') await out.write(`${JSON.stringify(value, null, 2)}\n`);
  else if (format === 'ndjson') for (const record of recordsOf(value)) await out.write(`${JSON.stringify(record)}\n`);
  else if (format === 'table') await out.write(renderTable(value));
  else await out.write(renderCsv(value));
}

/**
 * Writes records as they arrive (--all). json streams one array, ndjson and csv one line per record
 * (csv's columns are the first record's), so memory stays flat however many pages there are; a
 * table needs every row for its widths and is written at the end.
 */
export async function writeStream(out: Output, format: Format, records: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  if (format === 'table') {
    const all: unknown[] = [];
    for await (const record of records) all.push(record);
    if (all.length) await out.write(renderTable(all));
    return all.length;
  }
  let columns: string[] | undefined;
  for await (const record of records) {
    if (format === 'ndjson') await out.write(`${JSON.stringify(record)}\n`);
    else if (format === 'json') await out.write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify(record, null, 2).replace(/^/gm, '  ')}`);
    else {
      if (!columns) {
        columns = isObject(record) ? Object.keys(record) : ['value'];
        await out.write(csvLine(columns));
      }
      await out.write(csvLine(isObject(record) ? columns.map((column) => cell(record[column])) : [cell(record)]));
    }
    count += 1;
  }
  if (format === 'json') await out.write(count === 0 ? '[]\n' : '\n]\n');
  return count;
}
