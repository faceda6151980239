// The streams a run writes to, with the token taken out of everything written (a server or proxy
// that echoes the Authorization header, a --verbose line, an error message: none may show it).
import type { Readable, Writable } from 'node:stream';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width, when stdout is one: tables leave out the columns that do not fit. */
  columns?: number;
  /** Aborted on Ctrl-C / SIGTERM. */
  signal?: AbortSignal;
}

export function processIo(signal?: AbortSignal): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    signal,
  };
}

export const REDACTED = '[redacted]';

/** A stream writer that redacts the secrets it was told about and waits when the stream is full. */
export class Output {
  private secrets: string[] = [];

  constructor(readonly stream: Writable) {}

  redact(secret: string | undefined): void {
    if (secret && secret.length >= 4 && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  clean(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** Writes, and resolves once the stream can take more (bounded memory for long streams). */
  write(text: string): Promise<void> | void {
    if (this.stream.write(this.clean(text))) return;
    return new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}
