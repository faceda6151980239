// Waiters against a scripted server: each test lists the answers the import's get operation gives
// in turn. They check the states come from the spec, that a refusal ends the wait at once, that
// busy answers are waited out (Retry-After included) and that every ending carries the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '@permission-assist/spec-kit';
import { AbortedError, createPermissionAssistClient, ForbiddenError, InvalidArgumentError, NotFoundError, waiterTable, WaiterFailureError, WaiterTimeoutError, type WaiterPoll } from '../src/index.js';
import { stagedImport, TOKEN } from './helpers/fixtures.js';
import { errorBody, json, startServer, type TestServer } from './helpers/server.js';
import { failOnUnhandledRejections } from './helpers/no-unhandled.js';

failOnUnhandledRejections();

type Answer = { status: string } | { http: number; error?: string; headers?: Record<string, string> };
let server: TestServer;
// One script per test, keyed by the id it polls, so a poll still in flight when a test ends cannot
// take an answer meant for the next one.
const scripts = new Map<string, Answer[]>();
const stamps: number[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    const script = scripts.get(req.url!.split('/').pop()!)!;
    stamps.push(performance.now());
    const next = script.length > 1 ? script.shift()! : script[0]!;
    if ('http' in next) json(res, next.http, errorBody(next.error ?? 'server_error', 'scripted'), next.headers);
    else json(res, 200, { ...stagedImport, status: next.status });
  });
});
afterAll(() => server.close());

const pa = () => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, retry: false });
const fast = { minDelayMs: 5, maxDelayMs: 20 };
let ID = stagedImport.id;
let tests = 0;
function run(answers: Answer[]) {
  tests += 1;
  ID = `${stagedImport.id.slice(0, -4)}${String(tests).padStart(4, '0')}`;
  const id = ID;
  scripts.set(id, answers);
  stamps.length = 0;
  return () => server.requests.filter((r) => r.url.endsWith(`/${id}`)).length;
}

describe('the waiter table is the spec', () => {
  it('each x-pa-waiters declaration is generated as it is written', () => {
    const spec = loadSpec();
    const declared = Object.values(spec.paths as Record<string, { get?: { operationId: string; 'x-pa-waiters'?: object } }>)
      .filter((item) => item.get?.['x-pa-waiters'])
      .map((item) => item.get!['x-pa-waiters']);
    const generated = Object.values(waiterTable).map(({ get: _get, ...rest }) => rest);
    expect(generated).toEqual(declared);
  });
});

describe('waitUntilDone', () => {
  it('polls through the retry states and resolves with the finished record, reporting each poll', async () => {
    const polls = run([{ status: 'Pending' }, { status: 'Running' }, { status: 'Running' }, { status: 'Finished' }]);
    const seen: WaiterPoll<unknown>[] = [];
    const record = await pa().applicationImports.waitUntilDone(ID, { ...fast, onPoll: (poll) => seen.push(poll) });
    expect(record.status).toBe('Finished');
    expect(polls()).toBe(4);
    expect(seen.map((p) => [p.attempt, p.status])).toEqual([[1, 'Pending'], [2, 'Running'], [3, 'Running'], [4, 'Finished']]);
    expect(seen.at(-1)!.nextDelayMs).toBe(0);
    expect(seen.slice(0, 3).every((p) => p.nextDelayMs >= 5 && p.nextDelayMs <= 20)).toBe(true);
  });

  it('a failure state ends the wait with WaiterFailureError carrying the record and the statuses seen', async () => {
    run([{ status: 'Pending' }, { status: 'Running' }, { status: 'Failed' }]);
    const error = await pa().applicationImports.waitUntilDone(ID, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterFailureError);
    const failure = error as WaiterFailureError;
    expect(failure.status).toBe('Failed');
    expect(failure.statusesSeen).toEqual(['Pending', 'Running', 'Failed']);
    expect((failure.lastRecord as { status: string }).status).toBe('Failed');
    expect(failure.message).toContain('ended Failed instead of Finished');
  });

  it('runs out of time with WaiterTimeoutError carrying the last record', async () => {
    run([{ status: 'Pending' }, { status: 'Running' }]);
    const error = (await pa().applicationImports.waitUntilDone(ID, { ...fast, timeoutMs: 500 }).catch((e: unknown) => e)) as WaiterTimeoutError;
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    // How many polls fit in the time depends on the machine; what they saw is in order, and the
    // last record is the last status seen.
    expect(['Pending', 'Running'].slice(0, error.statusesSeen.length)).toEqual(error.statusesSeen);
    expect(error.statusesSeen.length).toBeGreaterThan(0);
    expect((error.lastRecord as { status: string }).status).toBe(error.statusesSeen.at(-1));
    expect(error.polls).toBeGreaterThanOrEqual(error.statusesSeen.length);
    expect(error.elapsedMs).toBeGreaterThanOrEqual(490);
    expect(error.timeoutMs).toBe(500);
  });

  it('the first poll is always answered, so even timeoutMs 0 reports where the record is', async () => {
    run([{ status: 'Running' }]);
    const error = (await pa().applicationImports.waitUntilDone(ID, { ...fast, timeoutMs: 0 }).catch((e: unknown) => e)) as WaiterTimeoutError;
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(error.polls).toBe(1);
    expect(error.statusesSeen).toEqual(['Running']);
  });

  it.each([
    [403, 'forbidden', ForbiddenError],
    [404, 'not_found', NotFoundError],
  ])('a %i ends the wait at the first poll, not at the timeout', async (http, code, Class) => {
    const polls = run([{ http, error: code }]);
    const started = performance.now();
    await expect(pa().applicationImports.waitUntilDone(ID, { ...fast, timeoutMs: 60_000 })).rejects.toBeInstanceOf(Class);
    expect(polls()).toBe(1);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it.each([408, 429, 503])('a %i is waited out and polled again', async (http) => {
    const polls = run([{ http }, { status: 'Finished' }]);
    await expect(pa().applicationImports.waitUntilDone(ID, fast)).resolves.toMatchObject({ status: 'Finished' });
    expect(polls()).toBe(2);
  });

  it('honours Retry-After over its own backoff', async () => {
    run([{ http: 429, headers: { 'retry-after': '1' } }, { status: 'Finished' }]);
    const delays: number[] = [];
    await pa().applicationImports.waitUntilDone(ID, { ...fast, onPoll: (p) => delays.push(p.nextDelayMs) });
    expect(delays[0]).toBe(1000);
    expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(990);
  });

  it("the caller's signal cancels a wait with AbortedError", async () => {
    run([{ status: 'Running' }]);
    const controller = new AbortController();
    const waiting = pa().applicationImports.waitUntilDone(ID, { minDelayMs: 10_000, maxDelayMs: 10_000, signal: controller.signal, onPoll: () => controller.abort() });
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  });

  it('a throwing onPoll hook does not end the wait', async () => {
    run([{ status: 'Pending' }, { status: 'Finished' }]);
    await expect(pa().applicationImports.waitUntilDone(ID, { ...fast, onPoll: () => { throw new Error('hook'); } })).resolves.toMatchObject({ status: 'Finished' });
  });
});

describe('waitFor', () => {
  it('resolves at a named retry state', async () => {
    const polls = run([{ status: 'Pending' }, { status: 'Running' }, { status: 'Finished' }]);
    await expect(pa().applicationImports.waitFor(ID, { ...fast, status: 'Running' })).resolves.toMatchObject({ status: 'Running' });
    expect(polls()).toBe(2);
  });

  it('a final state other than the ones named is a failure, even a success state', async () => {
    run([{ status: 'Pending' }, { status: 'Finished' }]);
    const error = (await pa().applicationImports.waitFor(ID, { ...fast, status: ['Canceled', 'Canceling'] }).catch((e: unknown) => e)) as WaiterFailureError;
    expect(error).toBeInstanceOf(WaiterFailureError);
    expect(error.status).toBe('Finished');
  });

  it('refuses a status the spec does not list, before polling', async () => {
    const polls = run([{ status: 'Pending' }]);
    const error = await pa().applicationImports.waitFor(ID, { status: 'Done' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).message).toContain('status: must be one or more of Finished, Failed, Canceled, Pending, Running, Canceling');
    expect(polls()).toBe(0);
  });

  it('personnel events and access requests have waiters too', () => {
    const client = pa();
    expect(typeof client.personnelEvents.waitFor).toBe('function');
    expect(typeof client.accessRequests.waitUntilDone).toBe('function');
    expect('waitFor' in client.identities).toBe(false);
  });
});
