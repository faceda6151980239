// Public entry point of @permission-assist/client (web-standard APIs only: Node, browsers, Deno and Bun).
export { createPermissionAssistClient, type PermissionAssistClient } from './client.js';
export type { ClientOptions, RequestEvent, ResponseEvent, RetryOptions } from './config.js';
export * from './errors.js';
export type { FileInput, NamedFile, UploadInput } from './upload.js';
export type { WaitForOptions, WaiterPoll, WaitOptions } from './waiters.js';
export type { ApiPromise, ApiResponse, PaginationOptions, RequestOptions } from './types.js';
export type { components, operations, paths, webhooks } from './generated/schema.js';
// The operation table is a value (every operation with its method and path); the rest are types.
export * from './generated/operations.js';
export { SPEC_SHA256, SPEC_VERSION } from './generated/spec-info.js';
export type * from './generated/models.js';
