// Where the token comes from: PA_TOKEN, --token-file or --token-stdin. No flag takes the token's
// value itself, since a command line shows in `ps` and in shell history.
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UsageError } from './errors.js';

export interface TokenSources {
  env: Record<string, string | undefined>;
  tokenFile?: string;
  tokenStdin?: boolean;
  stdin: Readable;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** The token, or undefined when none was given (the caller decides whether that is an error). */
export async function resolveToken(sources: TokenSources): Promise<string | undefined> {
  if (sources.tokenFile && sources.tokenStdin) throw new UsageError('give the token by --token-file or --token-stdin, not both');
  if (sources.tokenFile) {
    let text: string;
    try {
      text = await readFile(sources.tokenFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`--token-file ${sources.tokenFile}: cannot read it (${code === 'ENOENT' ? 'no such file' : code ?? (error as Error).message})`);
    }
    const token = text.split(/\r?\n/)[0]!.trim();
    if (!token) throw new UsageError(`--token-file ${sources.tokenFile}: the file is empty`);
    return token;
  }
  if (sources.tokenStdin) {
    const token = (await readAll(sources.stdin)).split(/\r?\n/)[0]!.trim();
    if (!token) throw new UsageError('--token-stdin: standard input held no token');
    return token;
  }
  const token = sources.env.PA_TOKEN?.trim();
  return token || undefined;
}

export { readAll };
