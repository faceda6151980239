// The transports every transport-level test runs against: the main entry's (fetch, for browsers,
// Deno and Bun) and, once it exists, the Node entry's own.
import { createPermissionAssistClient as withFetch } from '../../src/index.js';

export type CreateClient = typeof withFetch;

export const TRANSPORTS: { name: string; create: CreateClient }[] = [{ name: 'fetch', create: withFetch }];
