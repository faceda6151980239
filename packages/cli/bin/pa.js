#!/usr/bin/env node
// `pa`: loads the bundled CLI and turns Ctrl-C / SIGTERM into a cancellation (exit 130), so a wait
// stops cleanly. --version takes the same code path as any command but loads no command code.
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
const { run, processIo } = await import('../dist/main.js');
process.exitCode = await run(process.argv.slice(2), processIo(controller.signal));
