// One HTTP exchange, below the transport's policy (retries, redirects, deadline, hooks): send a
// request, get the status and headers, then read the body within a size limit or discard it.
// Two implementations: fetch (here; browsers, Deno, Bun, and Node when a fetch is passed) and
// node:http with keep-alive (node-exchange.ts, used by `@permission-assist/client/node`).
import { ResponseTooLargeError, type OperationInfo } from './errors.js';

export interface ExchangeInit {
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** A JSON string or a FormData: both can be sent again as they are. */
  body?: string | FormData;
  /** The call's deadline and cancellation. */
  scope: Cancellation;
}

export interface Cancellation {
  /** As an AbortSignal (made on first use); undefined when the call has neither a timeout nor a signal. */
  readonly signal: AbortSignal | undefined;
  /** Calls `cancel` once the call times out or is aborted (at once if it already has). */
  onCancel(cancel: (reason: unknown) => void): void;
  readonly aborted: boolean;
}

export interface Exchange {
  readonly status: number;
  readonly statusText: string;
  /** One header's value (lower-case name), or null. Cheaper than `headers` on Node. */
  header(name: string): string | null;
  /** Every header (on Node built on first use: most calls never need it). */
  readonly headers: Headers;
  /** A browser's manual redirect, which hides where it goes. */
  readonly opaqueRedirect: boolean;
  /** The body as text, refusing to hold more than `limit` bytes (0: no limit), unpacked if compressed. */
  text(limit: number, info: OperationInfo): Promise<string>;
  /** Drops the body (a redirect's), keeping the connection usable where possible. */
  discard(): Promise<void>;
}

/** Sends one request; rejects only when no answer arrived (connection failed, aborted). */
export type Exchanger = (url: string, init: ExchangeInit) => Promise<Exchange>;

const utf8 = new TextDecoder();

/**
 * The body of a fetch Response within the limit. A declared length settles it before a byte is read;
 * otherwise (chunked, or compressed, where the declared length is not what unpacking gives) the bytes
 * are counted as they arrive, so an endless body or a decompression bomb stops at the limit. The
 * chunks are decoded once at the end, rather than each into a growing string.
 */
async function readFetchBody(response: Response, limit: number, info: OperationInfo): Promise<string> {
  const declared = response.headers.get('content-length');
  const plain = !response.headers.has('content-encoding');
  if (limit <= 0 || (plain && declared !== null && Number(declared) <= limit)) return response.text();
  if (plain && declared !== null) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(limit, response.status, info);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(limit, response.status, info);
    }
    chunks.push(value);
  }
  return utf8.decode(concat(chunks, size));
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * A fetch Response as an Exchange. A class with its methods on the prototype, not an object of
 * closures: a closure holding the Response, stored in an object per call, kept every call's answer
 * alive through the young-generation GCs (promoted, then collected only by a full GC), which cost
 * more than the rest of the call on a list page.
 */
class FetchExchange implements Exchange {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly opaqueRedirect: boolean;

  constructor(private readonly response: Response) {
    this.status = response.status;
    this.statusText = response.statusText;
    this.headers = response.headers;
    this.opaqueRedirect = response.type === 'opaqueredirect';
  }

  header(name: string): string | null {
    return this.headers.get(name);
  }

  text(limit: number, info: OperationInfo): Promise<string> {
    return readFetchBody(this.response, limit, info);
  }

  async discard(): Promise<void> {
    await this.response.body?.cancel().catch(() => undefined);
  }
}

/** Exchanges through a fetch implementation (redirects handled by the transport, not by fetch). */
export function fetchExchanger(fetchImpl: typeof globalThis.fetch): Exchanger {
  return async (url, { method, headers, body, scope }) => {
    const signal = scope.signal;
    // Only the keys that are set: undici does measurably more work for an explicit null or undefined.
    const init: RequestInit = { method, headers, redirect: 'manual' };
    if (body !== undefined) init.body = body;
    if (signal) init.signal = signal;
    return new FetchExchange(await fetchImpl(url, init));
  };
}
