// The transports every transport-level test runs against: the main entry's fetch (browsers, Deno,
// Bun) and the Node entry's node:http with keep-alive.
import { createPermissionAssistClient as withFetch } from '../../src/index.js';
import { createPermissionAssistClient as withNodeHttp } from '../../src/node.js';

export type CreateClient = typeof withFetch;

export const TRANSPORTS: { name: string; create: CreateClient }[] = [
  { name: 'fetch', create: withFetch },
  { name: 'node:http', create: withNodeHttp },
];
