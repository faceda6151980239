// Reads every page of a list operation: the first page (1, or `startPage`) tells totalPages, then
// the rest come with at most `concurrency` requests in flight, yielding items in page order. At most
// `concurrency` pages are held at once. Stopping early (break) cancels the pages still in flight.
import { InvalidArgumentError, type OperationInfo } from './errors.js';

export interface Page<Item> {
  items: Item[];
  totalPages: number;
}

export async function* paginate<Item>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<Page<Item>>,
  options: { concurrency?: number; startPage?: number; signal?: AbortSignal | undefined },
  info: OperationInfo,
): AsyncGenerator<Item, void, undefined> {
  const concurrency = options.concurrency ?? 4;
  const startPage = options.startPage ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError([{ field: 'concurrency', message: `must be a whole number of 1 or more, got ${concurrency}` }], info);
  }
  if (!Number.isInteger(startPage) || startPage < 1) {
    throw new InvalidArgumentError([{ field: 'startPage', message: `must be a whole number of 1 or more, got ${startPage}` }], info);
  }
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  // An abort event fires once: a signal aborted before this call must stop it too.
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  const inFlight: Promise<Page<Item>>[] = [];
  try {
    const first = await fetchPage(startPage, controller.signal);
    yield* first.items;
    let next = startPage + 1;
    const request = () => {
      const promise = fetchPage(next, controller.signal);
      promise.catch(() => undefined); // observed below; this only prevents an unhandled rejection if abandoned
      inFlight.push(promise);
      next += 1;
    };
    while (inFlight.length < concurrency && next <= first.totalPages) request();
    while (inFlight.length > 0) {
      const page = await inFlight.shift()!;
      if (next <= first.totalPages) request();
      yield* page.items;
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (inFlight.length > 0) controller.abort();
  }
}
