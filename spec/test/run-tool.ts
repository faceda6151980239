// Runs a CLI from the workspace's node_modules/.bin and returns its output, whatever its exit code.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function runTool(tool: string, args: string[], cwd = repoRoot) {
  try {
    const { stdout, stderr } = await promisify(execFile)(`${repoRoot}node_modules/.bin/${tool}`, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
  source: string;
}

export async function spectral(files: string[]): Promise<SpectralResult[]> {
  const { stdout, stderr } = await runTool('spectral', ['lint', '--format', 'json', '--quiet', ...files]);
  const start = stdout.indexOf('[');
  if (start < 0) throw new Error(`Spectral printed no JSON report:\n${stdout}\n${stderr}`);
  return JSON.parse(stdout.slice(start)) as SpectralResult[];
}
