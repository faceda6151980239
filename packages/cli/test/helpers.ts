// Runs `pa` in process (run() with captured streams) or as a real process (bin/pa.js, for TTY-less
// defaults, signals and start-up), and remembers every output so a test can check the token never
// appears in any of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../src/main.js';

export const TOKEN = 'pa_cli_test_secret_4f2a9c';
export const bin = fileURLToPath(new URL('../bin/pa.cjs', import.meta.url));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output of every run in this test file, for the redaction checks. */
export const outputs: string[] = [];

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  tty?: boolean;
  columns?: number;
  signal?: AbortSignal;
}

export async function pa(args: string[], options: RunOptions = {}): Promise<Result> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await run(args, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { PA_TOKEN: TOKEN, ...options.env },
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    columns: options.columns,
    signal: options.signal,
  });
  const result = { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  outputs.push(result.stdout, result.stderr);
  return result;
}

export interface Spawned {
  child: ChildProcess;
  result: Promise<Result>;
  /** Resolves with stderr so far once it matches. */
  stderrMatching(pattern: RegExp): Promise<string>;
  stdoutLines(count: number): Promise<string[]>;
}

export function spawnPa(args: string[], env: Record<string, string | undefined> = {}): Spawned {
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, PA_TOKEN: TOKEN, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    watchers.forEach((w) => w());
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    watchers.forEach((w) => w());
  });
  child.stdin!.end();
  const result = new Promise<Result>((resolve) => {
    child.on('close', (code, signal) => {
      outputs.push(stdout, stderr);
      resolve({ code: code ?? (signal === 'SIGINT' ? 130 : -1), stdout, stderr });
    });
  });
  const waitFor = <T>(check: () => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const test = () => {
        const value = check();
        if (value !== undefined) resolve(value);
      };
      watchers.push(test);
      void result.then(() => {
        test();
        reject(new Error(`pa exited before the expected output; stdout: ${stdout}\nstderr: ${stderr}`));
      });
      test();
    });
  return {
    child,
    result,
    stderrMatching: (pattern) => waitFor(() => (pattern.test(stderr) ? stderr : undefined)),
    stdoutLines: (count) => waitFor(() => {
      const lines = stdout.split('\n').filter(Boolean);
      return lines.length >= count ? lines : undefined;
    }),
  };
}

export const json = <T = any>(result: Result): T => JSON.parse(result.stdout) as T;
