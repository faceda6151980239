// Public entry point of @permission-assist/client (web-standard APIs only: Node, browsers, Deno, Bun).
export { createPermissionAssistClient, type PermissionAssistClient } from './client.js';
export type { ClientOptions, RetryOptions } from './config.js';
export * from './errors.js';
export type { FileInput, NamedFile, UploadInput } from './upload.js';
export type { PaginationOptions, RequestOptions } from './types.js';
export type { components, operations, paths, webhooks } from './generated/schema.js';
export type * from './generated/operations.js';
export type * from './models.js';
