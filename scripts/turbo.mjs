// Runs turbo with its telemetry switched off (turbo reads this only from the environment).
// `--quiet` (ours, not turbo's): keep turbo's and the tasks' output back and print one line when
// the run succeeds; print all of it when it fails. `npm start` builds this way, so a user sees the
// build's result and the banner, not every tool's banner and warnings.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const turbo = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));
const quiet = process.argv.includes('--quiet');
const args = process.argv.slice(2).filter((arg) => arg !== '--quiet');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const started = Date.now();
const child = spawn(turbo, quiet ? [...args, '--output-logs=errors-only'] : args, { stdio: quiet ? ['inherit', 'pipe', 'pipe'] : 'inherit', env });

let output = '';
if (quiet) {
  console.log(`turbo ${args.join(' ')}: running (output shown only if it fails)`);
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
}
child.on('exit', (code, signal) => {
  if (signal) return process.kill(process.pid, signal);
  if (quiet) {
    const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
    if (code === 0) {
      const tasks = /Tasks:\s+(.+)/.exec(plain)?.[1]?.trim();
      const cached = /Cached:\s+(\d+) cached/.exec(plain)?.[1];
      console.log(`turbo ${args.join(' ')}: ${tasks ?? 'done'}${cached ? `, ${cached} from cache` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else process.stderr.write(output);
  }
  process.exit(code ?? 1);
});
