// `npm run bench`: every package's benchmark (turbo, one at a time so they do not disturb each
// other), then the cold `npm start` measurement. Runs all of them even when one misses its goal;
// exits 1 if any did.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = (name) => fileURLToPath(new URL(name, import.meta.url));
const steps = [
  ['node', [script('turbo.mjs'), 'run', 'bench', '--concurrency=1', '--continue']],
  ['node', [script('bench-start.mjs')]],
];
let failed = false;
for (const [command, args] of steps) failed = spawnSync(command, args, { stdio: 'inherit' }).status !== 0 || failed;
process.exit(failed ? 1 : 0);
