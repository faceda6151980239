// Node entry point: everything from the main entry, plus file paths in uploads.
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { buildClient, type PermissionAssistClient } from './client.js';
import type { ClientOptions } from './config.js';

export * from './index.js';

/** Opens a file on disk as a File (read lazily, not loaded into memory up front). */
export async function fileFromPath(path: string, options: { type?: string } = {}): Promise<File> {
  const blob = await openAsBlob(path, options.type ? { type: options.type } : {});
  return new File([blob], basename(path), { type: blob.type });
}

/** Like the main entry's client, but uploads also accept file paths: `files: { [fileGroupId]: './employees.csv' }`. */
export function createPermissionAssistClient(options: ClientOptions): PermissionAssistClient {
  return buildClient(options, fileFromPath);
}
