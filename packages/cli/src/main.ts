// run(argv, io): one `pa` invocation, returning its exit code (bin/pa.js sets process.exitCode).
// Errors end here: one line on stderr (and a JSON object with --output json), an exit code from the
// table in exit-codes.ts. Nothing throws past run().
import { CommanderError } from 'commander';
import { Context, DryRunDone } from './context.js';
import { errorJson, errorLine, exitCodeOf, UsageError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { buildProgram } from './program.js';
import { versionLine } from './version.js';

export { processIo };

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(versionLine());
    return EXIT.ok;
  }
  const contexts: Context[] = [];
  const program = buildProgram(io, contexts);
  if (argv[0] === '__complete') {
    // Shell completion's hidden entry point: the words so far, never parsed as options.
    const { complete } = await import('./completion.js');
    io.stdout.write(`${complete(program, argv.slice(1)).join('\n')}\n`);
    return EXIT.ok;
  }
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    if (program.opts().version) io.stdout.write(versionLine());
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    const context = contexts.at(-1) ?? new Context(io, {});
    const cause = (error as { cause?: unknown })?.cause;
    if (error instanceof DryRunDone || cause instanceof DryRunDone) return EXIT.ok;
    const code = exitCodeOf(error);
    await context.err.write(`${errorLine(error)}\n`);
    if (error instanceof UsageError) await context.err.write('(add --help for usage)\n');
    let asJson = false;
    try {
      asJson = context.options.output === 'json';
    } catch {
      // an invalid --output was the error itself
    }
    if (asJson) await context.err.write(`${JSON.stringify({ error: errorJson(error, code) })}\n`);
    return code;
  }
}
