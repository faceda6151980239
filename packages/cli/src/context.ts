// What every command shares: the global options, the redacting writers, and the client built from
// them (the one HTTP stack: retries, limits and typed errors are the client's).
import type { PermissionAssistClient } from '@permission-assist/client';
import { resolveToken } from './auth.js';
import { CLI_VERSION } from './cli-version.js';
import { UsageError } from './errors.js';
import { FORMATS, type Format } from './format.js';
import { Output, REDACTED, type Io } from './io.js';

export interface GlobalOptions {
  baseUrl?: string;
  tokenFile?: string;
  tokenStdin?: boolean;
  output?: string;
  query?: string;
  verbose?: boolean;
  dryRun?: boolean;
}

/** Thrown by the dry-run fetch: the request has been printed and is not sent. */
export class DryRunDone extends Error {
  override name = 'DryRunDone';
}

export class Context {
  readonly out: Output;
  readonly err: Output;
  private clientPromise: Promise<PermissionAssistClient> | undefined;
  token: string | undefined;

  constructor(
    readonly io: Io,
    readonly options: GlobalOptions,
  ) {
    this.out = new Output(io.stdout);
    this.err = new Output(io.stderr);
  }

  get format(): Format {
    const chosen = this.options.output ?? (this.io.stdoutIsTTY ? 'table' : 'json');
    if (!(FORMATS as readonly string[]).includes(chosen)) throw new UsageError(`--output: "${chosen}" is not one of ${FORMATS.join(', ')}`);
    return chosen as Format;
  }

  get baseUrl(): string {
    const url = this.options.baseUrl ?? this.io.env.PA_BASE_URL;
    if (!url) throw new UsageError('no server: set PA_BASE_URL or pass --base-url (e.g. https://pa.example.com)');
    return url;
  }

  async resolveToken(): Promise<string | undefined> {
    if (this.token === undefined) {
      this.token = await resolveToken({ env: this.io.env, tokenFile: this.options.tokenFile, tokenStdin: this.options.tokenStdin, stdin: this.io.stdin });
      this.out.redact(this.token);
      this.err.redact(this.token);
    }
    return this.token;
  }

  /** The client for this run, built on first use (a command that fails its checks never builds it). */
  async client(): Promise<PermissionAssistClient> {
    this.clientPromise ??= this.buildClient();
    return this.clientPromise;
  }

  private async buildClient(): Promise<PermissionAssistClient> {
    const token = await this.resolveToken();
    const dryRun = Boolean(this.options.dryRun);
    if (!token && !dryRun) throw new UsageError('no token: set PA_TOKEN, or pass --token-file FILE or --token-stdin (no flag takes the token itself)');
    const { createPermissionAssistClient } = await import('@permission-assist/client/node');
    const verbose = this.options.verbose;
    return createPermissionAssistClient({
      baseUrl: this.baseUrl,
      token: token ?? 'pa_dry_run',
      userAgent: `pa-cli/${CLI_VERSION} (${process.platform}) node/${process.versions.node}`,
      ...(dryRun ? { fetch: (input: RequestInfo | URL, init?: RequestInit) => this.printDryRun(input, init), retry: false as const } : {}),
      ...(verbose
        ? {
            onRequest: (event) => void this.err.write(`> ${event.method} ${event.url} (attempt ${event.attempt}) authorization: Bearer ${REDACTED}\n`),
            onResponse: (event) => void this.err.write(`< ${event.status} ${event.method} ${event.url} in ${Math.round(event.durationMs)} ms${event.requestId ? ` [request id ${event.requestId}]` : ''}\n`),
          }
        : {}),
    });
  }

  private async printDryRun(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const headers = Object.fromEntries(new Headers(init?.headers));
    if (headers.authorization) headers.authorization = `Bearer ${REDACTED}`;
    let body: unknown;
    if (typeof init?.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    } else if (init?.body instanceof FormData) {
      body = [...init.body.entries()].map(([name, value]) => (typeof value === 'string' ? { name, value } : { name, filename: value.name, type: value.type, bytes: value.size }));
    }
    const request = { method: init?.method ?? 'GET', url: String(input instanceof Request ? input.url : input), headers, ...(body !== undefined ? { body } : {}) };
    await this.out.write(`${JSON.stringify(request, null, 2)}\n`);
    throw new DryRunDone('dry run: nothing was sent');
  }
}
