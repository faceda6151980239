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

/**
 * A table: one row per record (key/value pairs for a single record). Long cells are cut; with a
 * terminal width, the columns that do not fit are left out and counted on a last line.
 */
export function renderTable(value: unknown, width?: number, maxCell = 40): string {
  const records = recordsOf(value);
  const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  if (records.length === 1 && isObject(records[0]) && !Array.isArray(value) && !(isObject(value) && 'items' in value)) {
    const entries = Object.entries(records[0]);
    const keyWidth = Math.max(...entries.map(([key]) => key.length));
    const room = width ? Math.max(20, width - keyWidth - 2) : Infinity;
    return entries.map(([key, v]) => `${key.padEnd(keyWidth)}  ${cut(flat(cell(v)), room)}`.trimEnd()).join('\n') + '\n';
  }
  if (records.every((r) => !isObject(r))) return records.map(cell).join('\n') + (records.length ? '\n' : '');
  const all = columnsOf(records);
  const rows = records.map((record) => all.map((column) => cut(flat(cell(isObject(record) ? record[column] : undefined)), maxCell)));
  const widths = all.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  // Columns in the record's order while they fit; a column empty in every row is left out.
  const shown: number[] = [];
  let used = 0;
  for (const [i, w] of widths.entries()) {
    if (rows.every((row) => row[i] === '')) continue;
    if (width && shown.length > 0 && used + 2 + w > width) continue;
    shown.push(i);
    used += (shown.length > 1 ? 2 : 0) + w;
  }
  const line = (values: string[]) => shown.map((i, n) => (n === shown.length - 1 ? values[i]! : values[i]!.padEnd(widths[i]!))).join('  ').trimEnd();
  const omitted = all.length - shown.length - all.filter((_, i) => rows.every((row) => row[i] === '')).length;
  const note = omitted > 0 ? `(${omitted} more column${omitted > 1 ? 's' : ''}: widen the terminal, or use --output json or --query)\n` : '';
  return [line(all.map((c) => c.toUpperCase())), ...rows.map(line)].join('\n') + '\n' + note;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

export function renderCsv(value: unknown): string {
  const records = recordsOf(value);
  if (records.every((r) => !isObject(r))) return records.map((r) => csvLine([cell(r)])).join('');
  const columns = columnsOf(records);
  return csvLine(columns) + records.map((record) => csvLine(columns.map((column) => cell(isObject(record) ? record[column] : undefined)))).join('');
}

/** Writes a whole answer in a format. */
export async function writeValue(out: Output, format: Format, value: unknown, width?: number): Promise<void> {
  if (value === undefined) return;
  if (format === 'json') await out.write(`${JSON.stringify(value, null, 2)}\n`);
  else if (format === 'ndjson') for (const record of recordsOf(value)) await out.write(`${JSON.stringify(record)}\n`);
  else if (format === 'table') await out.write(renderTable(value, width));
  else await out.write(renderCsv(value));
}

/**
 * Writes records as they arrive (--all). json streams one array, ndjson and csv one line per record
 * (csv's columns are the first record's), so memory stays flat however many pages there are; a
 * table needs every row for its widths and is written at the end.
 */
export async function writeStream(out: Output, format: Format, records: AsyncIterable<unknown>, width?: number): Promise<number> {
  let count = 0;
  if (format === 'table') {
    const all: unknown[] = [];
    for await (const record of records) all.push(record);
    if (all.length) await out.write(renderTable(all, width));
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
