// Reads a multipart/form-data upload with busboy, streaming: file contents are counted (bytes,
// lines, NUL bytes) but never held in memory, the total is capped, and only a few uploads are read
// at the same time, so a burst of large uploads cannot exhaust memory.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { aborted, checkDeclaredLength, guardBodyRate, isGone, tooLarge } from './body.js';
import { HttpError } from './errors.js';
import type { BodyRate } from './settings.js';

export interface UploadedFile {
  /** The part name (for an import upload, the file group id). */
  field: string;
  filename: string;
  contentType: string;
  bytes: number;
  /** Data rows: lines after the first (the header). */
  rows: number;
  /** Whether the file holds a NUL byte (not a text file). */
  binary: boolean;
}

export interface UploadedForm {
  fields: Map<string, string[]>;
  files: UploadedFile[];
}

export function readMultipart(req: IncomingMessage, limit: number, rate?: BodyRate): Promise<UploadedForm> {
  checkDeclaredLength(req, limit);
  if (isGone(req) && !req.complete) return Promise.reject(aborted());
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: limit, files: 50, fields: 20, parts: 70, fieldSize: 4096 } });
  } catch (error) {
    return Promise.reject(new HttpError(400, 'One or more validation errors occurred', [{ field: 'body', message: `Body must be multipart/form-data with a boundary (${(error as Error).message})` }]));
  }
  return new Promise((resolve, reject) => {
    const form: UploadedForm = { fields: new Map(), files: [] };
    let total = 0;
    let failed = false;
    const malformed = (error: Error) => new HttpError(400, 'One or more validation errors occurred', [{ field: 'body', message: `Body is not valid multipart/form-data: ${error.message}` }]);
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stopRate();
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    const stopRate = guardBodyRate(req, rate, fail);
    parser.on('field', (name, value) => form.fields.set(name, [...(form.fields.get(name) ?? []), value]));
    parser.on('file', (field, stream, info) => {
      const file: UploadedFile = { field, filename: info.filename ?? field, contentType: info.mimeType, bytes: 0, rows: 0, binary: false };
      let newlines = 0;
      let last = 10;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) return fail(tooLarge(limit));
        file.bytes += chunk.length;
        for (let i = 0; i < chunk.length; i += 1) {
          if (chunk[i] === 10) newlines += 1;
          else if (chunk[i] === 0) file.binary = true;
        }
        last = chunk[chunk.length - 1]!;
      });
      stream.on('limit', () => fail(tooLarge(limit)));
      // A body that ends inside a file ("Unexpected end of form") errors the file's stream as well
      // as the parser: unhandled, that error would take the process down.
      stream.on('error', (error: Error) => fail(malformed(error)));
      stream.on('end', () => {
        const lines = newlines + (file.bytes > 0 && last !== 10 ? 1 : 0);
        file.rows = Math.max(0, lines - 1);
        form.files.push(file);
      });
    });
    parser.on('partsLimit', () => fail(new HttpError(400, 'One or more validation errors occurred', [{ field: 'body', message: 'Body has too many parts' }])));
    parser.on('filesLimit', () => fail(new HttpError(400, 'One or more validation errors occurred', [{ field: 'body', message: 'Body has too many files' }])));
    parser.on('error', (error: Error) => fail(malformed(error)));
    parser.on('close', () => {
      stopRate();
      if (!failed) resolve(form);
    });
    // A client that goes away mid-upload must not hold its upload slot forever.
    req.on('error', () => fail(aborted()));
    req.on('close', () => {
      if (!req.complete) fail(aborted());
    });
    req.pipe(parser);
  });
}

/** At most `size` tasks at once, `queue` more waiting; past that, 503 with Retry-After. */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) {
      if (this.waiting.length >= this.queue) {
        throw new HttpError(503, 'Too many uploads are being read; retry in a second', [], { 'retry-after': '1' });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
