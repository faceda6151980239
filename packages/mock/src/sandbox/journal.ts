// The --state journal: FILE.journal holds, one per line, every write made since FILE (the snapshot)
// was last written. A line is `<crc32 of the JSON, 8 hex digits> <JSON of a JournalEntry>\n`.
// Reading tells a torn last line (a write cut short by a crash: no newline yet) from a damaged
// file (a complete line whose checksum or JSON is wrong): the first is dropped, the second refused.
import { closeSync, existsSync, fdatasync, fsyncSync, ftruncateSync, openSync, readFileSync, write } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import type { JournalEntry } from './sandbox.js';

export const journalPath = (stateFile: string) => `${stateFile}.journal`;

export class JournalError extends Error {}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

export interface ReadJournal {
  entries: JournalEntry[];
  /** Bytes after the last complete line (a write a crash cut short), dropped. */
  tornBytes: number;
}

/** Reads a journal; throws JournalError (line number and problem) when a complete line is damaged. */
export function readJournal(path: string): ReadJournal | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const entries: JournalEntry[] = [];
  const lines = text.slice(0, end).split('\n');
  lines.pop();
  lines.forEach((line, index) => {
    const match = /^([0-9a-f]{8}) (.*)$/.exec(line);
    if (!match || crc32(match[2]!) !== Number.parseInt(match[1]!, 16)) throw new JournalError(`line ${index + 1} is damaged (its checksum does not match)`);
    let entry: JournalEntry;
    try {
      entry = JSON.parse(match[2]!) as JournalEntry;
    } catch (error) {
      throw new JournalError(`line ${index + 1} is not valid JSON (${(error as Error).message})`);
    }
    if (!Number.isInteger(entry?.seq) || !Number.isFinite(entry.at) || typeof entry.command?.op !== 'string') {
      throw new JournalError(`line ${index + 1} is not a journal entry`);
    }
    entries.push(entry);
  });
  return { entries, tornBytes: Buffer.byteLength(text.slice(end)) };
}

const writeAsync = promisify(write);
const datasyncAsync = promisify(fdatasync);

/** An open journal file: appends batches and makes each durable (fdatasync) before resolving. */
export class JournalFile {
  private readonly fd: number;
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
    syncDirectory(path);
  }

  async append(lines: string): Promise<void> {
    const buffer = Buffer.from(lines);
    let written = 0;
    while (written < buffer.length) written += (await writeAsync(this.fd, buffer, written, buffer.length - written)).bytesWritten;
    await datasyncAsync(this.fd);
    this.bytes += buffer.length;
  }

  /** Empties the journal (its writes are in the snapshot now). */
  clear(): void {
    // The descriptor is in append mode, so writes after this continue at the new end.
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Makes a file's creation or rename durable (the directory entry itself). */
export function syncDirectory(path: string): void {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
