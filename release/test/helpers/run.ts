// Runs a command with a time budget of its own and its output kept for the failure message.
import { execFile } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string | undefined>;
  /** Resolve with a non-zero exit instead of rejecting. */
  allowFailure?: boolean;
}

export function run(command: string, args: string[], { cwd, timeoutMs, env, allowFailure = false }: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      if (error && (error as { killed?: boolean }).killed) return reject(new Error(`${command} ${args.join(' ')} took longer than ${timeoutMs} ms (in ${cwd})\n${stdout}${stderr}`));
      if (code !== 0 && !allowFailure) return reject(new Error(`${command} ${args.join(' ')} exited with ${code} (in ${cwd})\n${stdout}${stderr}`));
      resolve({ code, stdout, stderr });
    });
  });
}
