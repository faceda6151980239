// Type helpers that turn the generated operation types into method signatures, and the options and
// results every method shares.
import type { RetryOptions } from './config.js';
import type { UploadInput } from './upload.js';

export type { UploadInput };

type Content<T> = T extends { content: infer C } ? C : never;
type JsonOf<T> = Content<T> extends { 'application/json': infer J } ? J : never;

/** The JSON request body of an operation. */
export type JsonBody<Op> = Op extends { requestBody: infer B } ? JsonOf<NonNullable<B>> : never;

/** The JSON body of an operation's 200 or 201 response. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;

/** The query parameters of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The filters of a list operation: its query parameters without `page` (the pagination helpers page by themselves). */
export type FiltersOf<Op> = [keyof Omit<QueryOf<Op>, 'page'>] extends [never] ? Record<string, never> : Omit<QueryOf<Op>, 'page'>;

/** The item type of a paginated list body. */
export type PageItem<Page> = Page extends { items: Array<infer Item> } ? Item : never;

/** A result with the answer it came in. */
export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

/**
 * What every method returns: a Promise of the data, which can also give the status and headers of
 * the answer: `const { data, status, headers } = await pa.identities.get(id).withResponse()`.
 */
export type ApiPromise<T> = Promise<T> & {
  withResponse(): Promise<ApiResponse<T>>;
};

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the call (then an AbortedError; a signal from AbortSignal.timeout() gives a TimeoutError). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (covers every retry and the wait between them). */
  timeoutMs?: number;
  /** Overrides the client's retry policy for this call; `false` for no retry. */
  retry?: RetryOptions | false;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Options of the `...All` and `...Collect` pagination helpers. */
export interface PaginationOptions extends RequestOptions {
  /**
   * How many pages may be requested at once after the first one (default 4). Items are still
   * yielded in order, and at most this many pages are held in memory.
   */
  concurrency?: number;
  /** The page to start from (default 1), e.g. to resume a long walk. */
  startPage?: number;
}
