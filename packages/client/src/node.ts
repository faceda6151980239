// Node entry point: everything from the main entry, plus file paths in uploads.
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { buildClient, type PermissionAssistClient } from './client.js';
import type { ClientOptions } from './config.js';
import { nodeExchange } from './node-exchange.js';
import { mediaTypeOf } from './upload.js';

export * from './index.js';

/**
 * Opens a file on disk as a File (read lazily, not loaded into memory up front), typed by its
 * extension (`.csv` is text/csv). A file that cannot be opened is named in the error, with why.
 */
export async function fileFromPath(path: string, options: { type?: string } = {}): Promise<File> {
  const type = options.type ?? mediaTypeOf(path) ?? 'application/octet-stream';
  let blob: Blob;
  try {
    // stat first: openAsBlob reports a missing file as a bare "Unable to open file as blob".
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    blob = await openAsBlob(path, { type });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : message;
    throw new Error(`cannot read "${path}": ${why}${code ? ` (${code})` : ''}`, { cause: error });
  }
  return new File([blob], basename(path), { type });
}

/**
 * Like the main entry's client, but uploads also accept file paths (`files: { [fileGroupId]: './employees.csv' }`),
 * and calls go through node:http with keep-alive rather than fetch (unless you pass `fetch`).
 */
export function createPermissionAssistClient(options: ClientOptions): PermissionAssistClient {
  return buildClient(options, fileFromPath, nodeExchange);
}
