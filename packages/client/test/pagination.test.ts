// listAll / listCollect: every item in order, filters on every page, bounded concurrency, early exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPermissionAssistClient, InvalidArgumentError } from '../src/index.js';
import { sarahChen, TOKEN } from './helpers/fixtures.js';
import { failOnUnhandledRejections } from './helpers/no-unhandled.js';
import { json, startServer, type TestServer } from './helpers/server.js';

failOnUnhandledRejections();

const TOTAL = 437; // 9 pages, the last one partial
let server: TestServer;
let inFlight = 0;
let maxInFlight = 0;
let delayMs = 0;
beforeAll(async () => {
  server = await startServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const pageNumber = Number(url.searchParams.get('page') ?? '1');
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Later pages answer faster, so responses arrive out of order.
    await new Promise((resolve) => setTimeout(resolve, delayMs * (10 - pageNumber)));
    inFlight -= 1;
    const start = (pageNumber - 1) * 50;
    const items = Array.from({ length: Math.max(0, Math.min(50, TOTAL - start)) }, (_, i) => ({ ...sarahChen, lastName: `n${start + i}` }));
    json(res, 200, { items, totalCount: TOTAL, page: pageNumber, pageSize: 50, totalPages: Math.ceil(TOTAL / 50) });
  });
});
afterAll(() => server.close());

const pa = () => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN });
const expected = Array.from({ length: TOTAL }, (_, i) => `n${i}`);

describe('pagination', () => {
  it('listAll yields every item in order, fetching with at most `concurrency` pages in flight', async () => {
    delayMs = 10; // page 2 answers after 80 ms, page 4 after 60 ms: all three requests are in flight together
    maxInFlight = 0;
    const names: string[] = [];
    for await (const identity of pa().identities.listAll({}, { concurrency: 3 })) names.push(identity.lastName);
    expect(names).toEqual(expected);
    expect(maxInFlight).toBe(3);
    delayMs = 0;
  });

  it('listCollect returns the same items as one array, and passes the filters on every page', async () => {
    const before = server.requests.length;
    const items = await pa().personnelEvents.listCollect({ status: 'Open', type: 'Offboard' });
    expect(items.map((e) => (e as unknown as { lastName: string }).lastName)).toEqual(expected);
    const urls = server.requests.slice(before).map((r) => r.url);
    expect(urls).toHaveLength(9);
    for (const url of urls) expect(url).toMatch(/^\/api\/personnel-events\?status=Open&type=Offboard&page=\d$/);
  });

  it('stopping early cancels the pages still in flight and requests no more', async () => {
    delayMs = 5;
    const before = server.requests.length;
    let seen = 0;
    for await (const _ of pa().identities.listAll({}, { concurrency: 2 })) {
      seen += 1;
      if (seen === 60) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    // page 1, then pages 2 and 3 in flight (page 2 was being read at the break), nothing after
    expect(server.requests.length - before).toBeLessThanOrEqual(4);
    delayMs = 0;
  });

  it('a signal aborted before the call stops it with no request sent', async () => {
    const before = server.requests.length;
    const controller = new AbortController();
    controller.abort();
    const failure = await pa().identities.listCollect({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'AbortedError' });
    expect(server.requests.length - before).toBe(0);
  });

  it('an empty list yields nothing after one request', async () => {
    const empty = await startServer((_req, res) => json(res, 200, { items: [], totalCount: 0, page: 1, pageSize: 50, totalPages: 0 }));
    const items = await createPermissionAssistClient({ baseUrl: empty.url, token: TOKEN }).accessRequests.listCollect();
    expect(items).toEqual([]);
    expect(empty.requests).toHaveLength(1);
    await empty.close();
  });

  it('rejects a concurrency below 1', async () => {
    await expect(pa().identities.listCollect({}, { concurrency: 0 })).rejects.toThrow(InvalidArgumentError);
  });
});
