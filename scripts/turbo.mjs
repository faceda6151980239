// Runs turbo with its telemetry switched off (turbo reads this only from the environment).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const turbo = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));
const child = spawn(turbo, process.argv.slice(2), {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
