// The Node transport: node:http / node:https with keep-alive agents of the client's own, skipping
// fetch's WHATWG streams and Request/Response objects, which cost more than the rest of a small call.
// The transport above it (transport.ts) keeps the policy; this file keeps fetch's behaviour where it
// matters: gzip/deflate/br unpacked (and counted against the size limit while unpacking), the
// caller's signal aborting the request or the body, and redirects left to the transport.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ResponseTooLargeError, type OperationInfo } from './errors.js';
import type { Exchange, ExchangeInit, Exchanger } from './exchange.js';

// One pair of agents for every client of the process: connections to the same server are shared.
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

const UNPACK: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

class NodeExchange implements Exchange {
  private built: Headers | undefined;
  /** Ends a body read in progress: set while one is. */
  private stop: ((reason: unknown) => void) | undefined;
  private cancelled: { reason: unknown } | undefined;

  constructor(private readonly res: IncomingMessage) {}

  /** The call was cancelled (timeout or the caller's signal): the body read ends with the reason. */
  cancel(reason: unknown) {
    this.cancelled = { reason };
    this.stop?.(reason);
  }

  get status() {
    return this.res.statusCode ?? 0;
  }

  get statusText() {
    return this.res.statusMessage ?? '';
  }

  readonly opaqueRedirect = false;

  header(name: string): string | null {
    const value = this.res.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  get headers(): Headers {
    if (!this.built) {
      const headers = new Headers();
      const raw = this.res.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
      this.built = headers;
    }
    return this.built;
  }

  text(limit: number, info: OperationInfo): Promise<string> {
    const { res } = this;
    const encoding = res.headers['content-encoding'];
    const codings = encoding ? encoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity') : [];
    const declared = res.headers['content-length'];
    if (limit > 0 && codings.length === 0 && declared !== undefined && Number(declared) > limit) {
      res.destroy();
      return Promise.reject(new ResponseTooLargeError(limit, this.status, info));
    }
    // Unpacked in the order the server applied them, last first; an unknown coding passes as it is (as in fetch).
    const unpackers = codings.length ? codings.reverse().flatMap((coding) => (UNPACK[coding] ? [UNPACK[coding]()] : [])) : [];
    return new Promise<string>((resolve, reject) => {
      const source: Readable = unpackers.length ? (pipeline([res, ...unpackers], () => undefined) as unknown as Readable) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (error: unknown, text?: string) => {
        if (settled) return;
        settled = true;
        this.stop = undefined;
        if (error === undefined) resolve(text!);
        else {
          res.destroy();
          for (const unpacker of unpackers) (unpacker as unknown as Readable).destroy();
          reject(error);
        }
      };
      if (this.cancelled) return finish(this.cancelled.reason);
      // `finish` itself, not a new closure around it: with `this.stop = (reason) => finish(reason)`
      // V8 kept every body read (its chunks and text) alive through the young-generation GCs until
      // the next full GC (48% of new space survived each scavenge instead of 2%), grew new space to
      // 16 MB, and `pa … --all` over 10,000 items peaked 15 MB higher than over 1,000.
      this.stop = finish;
      source.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (limit > 0 && size > limit) return finish(new ResponseTooLargeError(limit, this.status, info));
        chunks.push(chunk);
      });
      // A connection that closes before the body is complete is an 'error' (ECONNRESET) on the answer.
      source.on('error', (error) => finish(error));
      source.on('end', () => {
        if (!res.complete) return finish(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }));
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8');
        // UTF-8 decoding in fetch drops a byte order mark; so does this.
        finish(undefined, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      });
    });
  }

  discard(): Promise<void> {
    // Read to the end so the connection can be reused (a redirect's body is short).
    this.res.resume();
    return Promise.resolve();
  }
}

/** The multipart body fetch would send for a FormData, with its boundary. */
async function encodeForm(form: FormData): Promise<{ type: string; bytes: Buffer }> {
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type')!, bytes: Buffer.from(await encoded.arrayBuffer()) };
}

interface Origin {
  protocol: string;
  hostname: string;
  port: string;
  agent: HttpAgent;
}

// Parsed once per server: node:http would parse the whole URL again on every request.
const origins = new Map<string, Origin>();

function originOf(origin: string): Origin {
  let known = origins.get(origin);
  if (!known) {
    const url = new URL(origin);
    known = { protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port, agent: url.protocol === 'https:' ? httpsAgent : httpAgent };
    if (origins.size > 100) origins.clear();
    origins.set(origin, known);
  }
  return known;
}

function exchange(url: string, { method, headers, scope }: ExchangeInit, payload: string | Buffer | undefined): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    // The transport's URLs are absolute and already encoded (built by the client, or a redirect's URL.href).
    const slash = url.indexOf('/', url.indexOf('//') + 2);
    const { protocol, hostname, port, agent } = originOf(slash < 0 ? url : url.slice(0, slash));
    const path = slash < 0 ? '/' : url.slice(slash);
    let answer: NodeExchange | undefined;
    const req = (protocol === 'https:' ? httpsRequest : httpRequest)({ protocol, hostname, port, path, method, headers, agent }, (res) => {
      answer = new NodeExchange(res);
      resolve(answer);
    });
    req.on('error', reject);
    scope.onCancel((reason) => {
      req.destroy();
      answer?.cancel(reason);
      reject(reason);
    });
    req.end(payload);
  });
}

/** Exchanges over node:http(s) with keep-alive. */
// A client's headers are one object for all its calls: they get accept-encoding added once.
const withEncodings = new WeakMap<Record<string, string>, Record<string, string>>();

export const nodeExchange: Exchanger = async (url, init) => {
  if (init.scope.aborted) throw new Error('aborted before sending');
  let headers = init.headers;
  // fetch asks for compressed answers unless told otherwise; so does this.
  if (headers['accept-encoding'] === undefined) {
    let added = withEncodings.get(headers);
    if (!added) withEncodings.set(headers, (added = { ...headers, 'accept-encoding': 'gzip, deflate, br' }));
    headers = added;
  }
  let payload: string | Buffer | undefined;
  if (typeof init.body === 'string') {
    payload = init.body;
    headers = { ...headers, 'content-length': String(Buffer.byteLength(payload)) };
  } else if (init.body !== undefined) {
    const form = await encodeForm(init.body);
    payload = form.bytes;
    headers = { ...headers, 'content-type': form.type, 'content-length': String(form.bytes.length) };
  }
  return exchange(url, { ...init, headers }, payload);
};
