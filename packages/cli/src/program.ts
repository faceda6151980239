// The `pa` command tree: global options, one command per API operation (from the spec), `api`,
// `listen`, `sandbox`, `completion`. Commands that few runs need load their code only when run.
import { Argument, Command, Option } from 'commander';
import { Context, type GlobalOptions } from './context.js';
import { UsageError } from './errors.js';
import { FORMATS } from './format.js';
import type { Io } from './io.js';
import { resources } from './generated/model.js';
import type { ResourceModel } from './model-types.js';
import { resourceCommand, writeResult } from './operations.js';

export function buildProgram(io: Io, contexts: Context[], model: ResourceModel[] = resources): Command {
  const program = new Command('pa')
    .description('The Permission Assist command line: every API operation, waiting for imports and events, webhooks and the sandbox.\nServer: PA_BASE_URL or --base-url. Token: PA_TOKEN, --token-file or --token-stdin.')
    .addOption(new Option('-o, --output <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .option('-q, --query <jmespath>', 'select fields with a JMESPath expression (applied to each item with --all), e.g. "items[].{id: id, status: status}"')
    .option('--base-url <url>', 'the Permission Assist server (default: PA_BASE_URL)')
    .option('--token-file <path>', 'read the API token from this file (default: PA_TOKEN)')
    .option('--token-stdin', 'read the API token from standard input')
    .option('--dry-run', 'print the request (method, URL, body) instead of sending it')
    .option('-v, --verbose', 'print each request and answer on stderr (the token is redacted)')
    .option('-V, --version', 'print the versions of pa, the client and the spec');

  const context = (command: Command) => {
    const created = new Context(io, command.optsWithGlobals<GlobalOptions>());
    contexts.push(created);
    return created;
  };
  for (const resource of model) program.addCommand(resourceCommand(resource, { io, context }));

  program
    .command('api')
    .description('Send any request with the same token, retries and limits: pa api GET "/api/identities?page=2"')
    .argument('<method>', 'GET, POST, PUT, PATCH, DELETE or HEAD')
    .argument('<path>', 'the path, with its query string (/api/identities?page=2)')
    .option('--data <json>', 'the request body: JSON, @file.json, or - for standard input')
    .action(async (method: string, path: string, values: { data?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const { rawRequest } = await import('./api.js');
      const body = values.data === undefined ? undefined : await readBody(values.data, io);
      const answer = await rawRequest(ctx, method, path, body);
      await writeResult(ctx, answer.data);
    });

  program
    .command('listen')
    .description('Receive webhook deliveries: validate each against the spec, print it as one JSON line, answer 2xx (with --forward-to, what your app answers). Against the sandbox it registers itself.')
    .option('--port <port>', 'port to listen on, on 127.0.0.1 (default: any free port, printed on stderr)', '0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--forward-to <url>', 'relay every delivery to this URL and answer with its status')
    .option('--no-register', 'do not register with the sandbox, even when the server is one')
    .option('--application-id <guid>', 'with the sandbox: only deliveries for this application')
    .option('--count <n>', 'stop after this many deliveries')
    .action(async (values: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { listen } = await import('./listen.js');
      await listen(context(cmd), values);
    });

  const sandbox = program.command('sandbox').description('Drive the sandbox (pa-mock) to rehearse a job end to end; no real server has these.');
  const sandboxAction = (name: string) => async (...args: unknown[]) => {
    const cmd = args.at(-1) as Command;
    const { sandboxCommand } = await import('./sandbox.js');
    await sandboxCommand(context(cmd), name, args.slice(0, -2) as string[], cmd.opts());
  };
  sandbox.command('info').description('what the sandbox holds: seed, size, clock, counts').action(sandboxAction('info'));
  sandbox
    .command('reset')
    .description('regenerate the data set (webhook registrations are kept)')
    .option('--seed <n>', 'seed of the new data set')
    .addOption(new Option('--size <size>', 'size of the new data set').choices(['small', 'medium', 'large']))
    .action(sandboxAction('reset'));
  const clock = sandbox.command('clock').description('sandbox time: show, advance, freeze, resume');
  clock.command('show', { isDefault: true }).description('print the clock').action(sandboxAction('clock'));
  clock.command('advance').description('move the clock forward, running every workflow step on the way: 1d, 2h, 30m, 1h30m').argument('<duration>', 'how far').action(sandboxAction('advance'));
  clock.command('freeze').description('stop the clock').action(sandboxAction('freeze'));
  clock.command('resume').description('let the clock run again').action(sandboxAction('resume'));
  sandbox.command('approve').description('approve a personnel event waiting for approval').argument('<id>', 'the personnel event').action(sandboxAction('approve'));
  sandbox.command('connectors').description('every application\'s connector: import schedule, file-based, file group ids for uploads').action(sandboxAction('connectors'));
  sandbox.command('webhooks').description('registered webhook receivers').action(sandboxAction('webhooks'));
  sandbox.command('deliveries').description('webhook deliveries, newest first').action(sandboxAction('deliveries'));

  program
    .command('completion')
    .description('print a shell completion script: pa completion bash >> ~/.bashrc')
    .addArgument(new Argument('<shell>', 'bash, zsh or powershell').choices(['bash', 'zsh', 'powershell']))
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion.js');
      io.stdout.write(completionScript(shell));
    });
  // Commands made with `new Command` do not inherit these settings: every command gets them, so a
  // bad flag anywhere is a usage error (exit 2) written to our stderr, never a process.exit().
  const configure = (command: Command) => {
    command
      .showHelpAfterError('(add --help for usage)')
      .configureOutput({
        writeOut: (text) => void io.stdout.write(text),
        writeErr: (text) => void io.stderr.write(text),
        outputError: (text, write) => write(text.startsWith('error:') ? `pa: ${text}` : text),
      })
      .exitOverride();
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

async function readBody(text: string, io: Io): Promise<unknown> {
  const { readAll } = await import('./auth.js');
  let source = text;
  if (text === '-') source = await readAll(io.stdin);
  else if (text.startsWith('@')) {
    const { readFile } = await import('node:fs/promises');
    source = await readFile(text.slice(1), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--data ${text}: cannot read the file (${error.code ?? error.message})`);
    });
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--data: not valid JSON (${(error as Error).message})`);
  }
}
