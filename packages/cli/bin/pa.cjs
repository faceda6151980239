#!/usr/bin/env node
// `pa`: loads the bundled CLI and turns Ctrl-C / SIGTERM into a cancellation (exit 130), so a wait
// stops cleanly. CommonJS on purpose: Node starts a CommonJS entry faster than an ES module one,
// and `pa --version` (which a job may log on every run) loads nothing but the versions.
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(require('../dist/version.cjs').versionLine());
} else {
  const controller = new AbortController();
  let interrupts = 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      interrupts += 1;
      // A second Ctrl-C does not wait for the first to be handled.
      if (interrupts > 1) process.exit(130);
      controller.abort(new Error(`interrupted (${signal})`));
    });
  }
  // A reader that stops early (`pa ... | head`) is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  import('../dist/main.js').then(async ({ run, processIo }) => {
    process.exitCode = await run(args, processIo(controller.signal));
  });
}
