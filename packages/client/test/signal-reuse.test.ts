// The fetch transport hands fetch an AbortSignal for every call with a timeout or a caller's signal,
// and reuses the controller of a call that ended without being cancelled (making one per call cost
// more than the rest of a small call). These tests hold the rules that make the reuse safe: a call
// in flight has a signal of its own, a signal that aborted is never handed out again, a reused signal
// still cancels its call, and a signal serves a bounded number of calls. The tests run in order:
// each starts from the spare controllers the one before left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, createPermissionAssistClient, TimeoutError } from '../src/index.js';
import { sarahChen, TOKEN } from './helpers/fixtures.js';
import { failOnUnhandledRejections } from './helpers/no-unhandled.js';
import { json, startServer, type TestServer } from './helpers/server.js';

failOnUnhandledRejections();

let server: TestServer;
beforeAll(async () => {
  // /api/identities/stall never answers: only the client's timeout or the caller's signal ends it.
  server = await startServer((req, res) => {
    if (!req.url?.endsWith('/stall')) json(res, 200, sarahChen);
  });
});
afterAll(() => server.close());

const signals: (AbortSignal | undefined)[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  signals.push(init?.signal ?? undefined);
  return fetch(input, init);
};
const client = (extra: object = {}) => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, fetch: recordingFetch, ...extra });

describe('fetch transport: the signal handed to fetch', () => {
  it('a call after one that ended normally gets its signal again, and a reused signal still times its call out', async () => {
    const start = signals.length;
    await client().identities.get(sarahChen.id);
    const error = await client({ timeoutMs: 100 }).identities.get('stall').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100 });
    const [first, second] = signals.slice(start);
    expect(second).toBe(first);
    expect(second?.aborted).toBe(true);
  });

  it('a signal that aborted is never handed to a later call', async () => {
    const aborted = signals.at(-1)!;
    expect(aborted.aborted).toBe(true);
    await expect(client().identities.get(sarahChen.id)).resolves.toMatchObject({ id: sarahChen.id });
    const next = signals.at(-1)!;
    expect(next).not.toBe(aborted);
    expect(next.aborted).toBe(false);
  });

  it("a caller's signal still cancels a call that reuses a signal (AbortedError), and that signal is not reused", async () => {
    await client().identities.get(sarahChen.id);
    const before = signals.at(-1)!;
    const caller = new AbortController();
    const requests = server.requests.length;
    const call = client().identities.get('stall', { signal: caller.signal });
    // Abort once the request has reached the server, so the fetch in flight is what gets cancelled.
    while (server.requests.length === requests) await new Promise((resolve) => setImmediate(resolve));
    caller.abort(new Error('the caller gave up'));
    await expect(call).rejects.toBeInstanceOf(AbortedError);
    expect(signals.at(-1)).toBe(before);
    expect(before.aborted).toBe(true);
    await client().identities.get(sarahChen.id);
    expect(signals.at(-1)).not.toBe(before);
  });

  it('calls in flight together each have a signal of their own', async () => {
    const start = signals.length;
    await Promise.all(Array.from({ length: 6 }, () => client().identities.get(sarahChen.id)));
    expect(new Set(signals.slice(start)).size).toBe(6);
  });

  it('sequential calls share signals, each for at most 8 calls', async () => {
    const start = signals.length;
    for (let i = 0; i < 40; i += 1) await client().identities.get(sarahChen.id);
    const uses = new Map<AbortSignal | undefined, number>();
    for (const signal of signals.slice(start)) uses.set(signal, (uses.get(signal) ?? 0) + 1);
    expect(uses.size).toBeLessThan(40);
    expect(uses.size).toBeGreaterThanOrEqual(5);
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(8);
    expect([...uses.keys()].every((signal) => signal !== undefined && !signal.aborted)).toBe(true);
  });

  it('without a timeout or a caller signal, fetch gets no signal at all', async () => {
    await client({ timeoutMs: 0 }).identities.get(sarahChen.id);
    expect(signals.at(-1)).toBeUndefined();
  });
});
