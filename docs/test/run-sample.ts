// Runs one generated sample as a user would: written to a file in a scratch folder (with the files
// an upload sends), run by the machine's own interpreter with the token in the environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SampleRun {
  code: number | null;
  output: string;
}

const INTERPRETERS: Record<string, { file: string; command: string }> = {
  curl: { file: 'sample.sh', command: 'bash' },
  Python: { file: 'sample.py', command: 'python3' },
};

export async function runSample(label: string, source: string, { token, files = [] }: { token: string; files?: { filename: string; content: string }[] }): Promise<SampleRun> {
  const interpreter = INTERPRETERS[label];
  if (!interpreter) throw new Error(`no interpreter for ${label} samples`);
  const dir = mkdtempSync(join(tmpdir(), 'pa-sample-'));
  try {
    writeFileSync(join(dir, interpreter.file), source);
    for (const file of files) writeFileSync(join(dir, file.filename), file.content);
    const child = spawn(interpreter.command, [interpreter.file], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PA_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    return { code, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
