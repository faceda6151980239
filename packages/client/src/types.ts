// Type helpers that turn the generated operation types into method signatures.
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

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the call. The call then rejects with an `AbortedError`. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (covers every retry and the wait between them). */
  timeoutMs?: number;
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
}
