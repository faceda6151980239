// One command per API operation, built from the generated model: `pa <resource> <action>`, its id
// argument, a flag per query parameter and per scalar body field (allowed values in --help), --data
// for the whole body, --all for list operations, --wait/--until for writes whose record settles,
// and `pa <resource> wait ID` for each resource with a waiter.
import { Command, InvalidArgumentError as CommanderArgumentError, Option } from 'commander';
import type { WaiterPoll } from '@permission-assist/client';
import { readAll } from './auth.js';
import { Context, type GlobalOptions } from './context.js';
import { parseDuration } from './duration.js';
import { UsageError } from './errors.js';
import { writeStream, writeValue } from './format.js';
import type { Io } from './io.js';
import type { ActionModel, FlagModel, ResourceModel } from './model-types.js';
import { renderPaCommand } from './sample.js';

type Values = Record<string, unknown>;
type ResourceClient = Record<string, (...args: unknown[]) => unknown>;

/** The help text of a flag: its description and, when the spec lists them, its allowed values. */
export function flagHelp(flag: FlagModel): string {
  let text = flag.description || flag.key;
  if (flag.values) text += ` Allowed: ${flag.values.join(', ')}${flag.ignoreCase ? ' (case is ignored)' : ''}.`;
  if (flag.required) text += ' Required (here or in --data).';
  return text;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parses and checks a flag's value as the spec types it (a usage error names the flag and what it wants). */
function parser(flag: FlagModel) {
  return (raw: string) => {
    if (flag.type === 'integer' || flag.type === 'number') {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value) || (flag.type === 'integer' && !Number.isInteger(value))) throw new CommanderArgumentError(`must be ${flag.type === 'integer' ? 'a whole number' : 'a number'}`);
      if (flag.minimum !== undefined && value < flag.minimum) throw new CommanderArgumentError(`must be ${flag.minimum} or more`);
      return value;
    }
    if (flag.type === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new CommanderArgumentError('must be true or false');
      return raw === 'true';
    }
    if (flag.values) {
      const match = flag.values.find((v) => (flag.ignoreCase ? v.toLowerCase() === raw.toLowerCase() : v === raw));
      if (!match && !(flag.ignoreCase && flag.key === 'type' && flag.values.some((v) => v.toLowerCase() === raw.replace(/\s+/g, '').toLowerCase()))) {
        throw new CommanderArgumentError(`must be one of ${flag.values.join(', ')}${flag.ignoreCase ? ' (case is ignored)' : ''}`);
      }
      return match ?? raw;
    }
    if (flag.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) throw new CommanderArgumentError('must be a GUID (8-4-4-4-12 hex digits)');
    return raw;
  };
}

function addFlag(command: Command, flag: FlagModel): void {
  const placeholder = flag.values ? 'value' : flag.format === 'uuid' ? 'guid' : flag.type === 'string' ? (flag.format ?? 'text') : flag.type;
  command.addOption(new Option(`--${flag.name} <${placeholder}>`, flagHelp(flag)).argParser(parser(flag)));
}

/** --data: inline JSON, @file, or - for standard input. */
async function readData(text: string, io: Io): Promise<Values> {
  let source = text;
  let where = '--data';
  if (text === '-') {
    source = await readAll(io.stdin);
    where = '--data - (standard input)';
  } else if (text.startsWith('@')) {
    const { readFile } = await import('node:fs/promises');
    try {
      source = await readFile(text.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`--data ${text}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    where = `--data ${text}`;
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`${where}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${where}: must be a JSON object`);
  return value as Values;
}

/** --file GROUP_ID=./users.csv, repeatable. */
function collectFiles(raw: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = raw.indexOf('=');
  if (at <= 0 || at === raw.length - 1) throw new CommanderArgumentError('must be FILE_GROUP_ID=PATH');
  return { ...previous, [raw.slice(0, at)]: raw.slice(at + 1) };
}

function statusParser(states: string[]) {
  return (raw: string, previous: string[] = []) => {
    const wanted = raw.split(',').map((s) => s.trim()).filter(Boolean);
    for (const state of wanted) if (!states.includes(state)) throw new CommanderArgumentError(`must be one of ${states.join(', ')}`);
    return [...previous, ...wanted];
  };
}

function addWaitOptions(command: Command, resource: ResourceModel, withWaitFlag: boolean, waitUntil?: string[]): void {
  const waiter = resource.waiter!;
  const states = [...waiter.success, ...waiter.failure, ...waiter.retry];
  const noun = resource.singular.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (withWaitFlag && waitUntil) command.option('--wait', `wait until the ${noun} is ${waitUntil.join(' or ')}`);
  else if (withWaitFlag) command.option('--wait', `wait until the ${noun} is final (${waiter.success.join(', ')}; failure: ${waiter.failure.join(', ') || 'none'})`);
  command.addOption(new Option('--until <status>', `with --wait: wait for this status instead (repeat or comma-separate for several). Allowed: ${states.join(', ')}.`).argParser(statusParser(states)));
  command.option('--timeout <duration>', 'how long to wait (e.g. 90s, 10m, 2h; default 10m)');
  command.option('--poll-interval <duration>', 'pause between polls (default: the spec\'s, growing from 1-2 s with jitter)');
}

/** Polls a record until it settles, with a progress line on stderr when that is a terminal. */
/** --timeout and --poll-interval, read before anything is sent (a typo must not come after a write). */
function waitTimes(values: Values): { timeoutMs: number | undefined; interval: number | undefined } {
  return {
    timeoutMs: values.timeout === undefined ? undefined : parseDuration(String(values.timeout), '--timeout'),
    interval: values.pollInterval === undefined ? undefined : parseDuration(String(values.pollInterval), '--poll-interval'),
  };
}

async function waitForRecord(context: Context, resource: ResourceModel, api: ResourceClient, id: string, values: Values, defaultUntil?: string[]): Promise<unknown> {
  const { timeoutMs, interval } = waitTimes(values);
  const progress = context.io.stderrIsTTY;
  const onPoll = (poll: WaiterPoll<unknown>) => {
    if (!progress) return;
    const seconds = Math.round(poll.elapsedMs / 1000);
    void context.err.write(`\r\x1b[2K${id}: ${poll.status ?? (poll.error ? `(${poll.error.message})` : '?')} after ${seconds}s`);
  };
  const options = { timeoutMs, signal: context.io.signal, onPoll, ...(interval !== undefined ? { minDelayMs: interval, maxDelayMs: interval } : {}) };
  try {
    const until = (values.until as string[] | undefined) ?? defaultUntil;
    return await (until?.length ? api.waitFor!(id, { ...options, status: until }) : api.waitUntilDone!(id, options));
  } finally {
    if (progress) await context.err.write('\n');
  }
}

async function runAction(context: Context, resource: ResourceModel, action: ActionModel, id: string | undefined, values: Values): Promise<void> {
  // Everything that can be wrong with the command line is found before a request is sent.
  const format = context.format;
  if (values.data === '-' && context.options.tokenStdin) throw new UsageError('--data - and --token-stdin both read standard input: give the token by PA_TOKEN or --token-file');
  if (context.options.query) await compileQuery(context.options.query);
  if (values.wait) waitTimes(values);
  const client = (await context.client()) as unknown as Record<string, ResourceClient>;
  const api = client[resource.property]!;
  const method = api[action.clientMethod]!;
  const fieldsOf = (flags: FlagModel[]) => Object.fromEntries(flags.map((f) => [f.key, values[camel(f.name)]]).filter(([, v]) => v !== undefined));

  let result: unknown;
  if (action.pathParam) {
    result = await method(id);
  } else if (action.body === 'multipart') {
    const files = values.file as Record<string, string> | undefined;
    const query = fieldsOf(action.query);
    if (!query.applicationId) throw new UsageError(`${resource.name} ${action.name}: --application-id is required`);
    if (!files || !Object.keys(files).length) throw new UsageError(`${resource.name} ${action.name}: give each file as --file FILE_GROUP_ID=PATH (pa sandbox connectors lists the ids on the sandbox)`);
    result = await method({ applicationId: query.applicationId, files });
  } else if (action.body === 'json') {
    const body = { ...(values.data ? await readData(String(values.data), context.io) : {}), ...fieldsOf(action.bodyFields) };
    if (action.idField && id !== undefined) body[action.idField] = id;
    const missing = action.bodyFields.filter((f) => f.required && body[f.key] === undefined);
    if (missing.length) {
      const named = missing.map((f) => (f.key === action.idField ? `the id (an argument, or --${f.name})` : `--${f.name}`));
      throw new UsageError(`${resource.name} ${action.name}: ${named.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required (as a flag or in --data)`);
    }
    result = await method(body);
  } else if (action.paginated && values.all) {
    if (values.page !== undefined) throw new UsageError('--all reads every page; leave out --page');
    const iterator = api[`${action.clientMethod}All`]!(fieldsOf(action.query.filter((f) => f.key !== 'page')), { signal: context.io.signal }) as AsyncIterable<unknown>;
    const query = context.options.query;
    const search = query ? await compileQuery(query) : undefined;
    const mapped = search ? mapAsync(iterator, search) : iterator;
    await writeStream(context.out, format, mapped, context.io.columns);
    return;
  } else {
    result = await method(fieldsOf(action.query));
  }

  if (values.wait) {
    if (context.options.dryRun) return;
    const record = result as { id?: unknown };
    if (typeof record?.id !== 'string') throw new Error(`${action.operationId} answered without an id to wait on`);
    result = await waitForRecord(context, resource, api, record.id, values, action.waitUntil);
  }
  await writeResult(context, result);
}

async function* mapAsync(source: AsyncIterable<unknown>, fn: (value: unknown) => unknown): AsyncGenerator<unknown> {
  for await (const value of source) yield fn(value);
}

/** A JMESPath expression, checked before anything is sent. */
export async function compileQuery(expression: string): Promise<(value: unknown) => unknown> {
  const jmespath = await import('@jmespath-community/jmespath');
  let compiled: ReturnType<typeof jmespath.compile>;
  try {
    compiled = jmespath.compile(expression);
  } catch (error) {
    throw new UsageError(`--query: ${(error as Error).message}`);
  }
  return (value) => jmespath.TreeInterpreter.search(compiled, value as Parameters<typeof jmespath.search>[0]);
}

export async function writeResult(context: Context, value: unknown): Promise<void> {
  const query = context.options.query;
  const shown = query ? (await compileQuery(query))(value) : value;
  await writeValue(context.out, context.format, shown, context.io.columns);
}

export interface CommandEnv {
  io: Io;
  context: (command: Command) => Context;
}

/** A command line for an action, for its --help: the spec's own request example where it has one. */
function renderExample(resource: ResourceModel, action: ActionModel): string {
  const upload = action.body === 'multipart' ? { applicationId: 'APPLICATION_ID', files: { FILE_GROUP_ID: './users.csv' } } : undefined;
  const line = renderPaCommand(action.operationId, { path: action.pathParam ? { [action.pathParam.name]: 'ID' } : {}, body: action.bodyExample ?? upload }, [resource]);
  return action.waits ? `${line} --wait` : line;
}

export function resourceCommand(resource: ResourceModel, env: CommandEnv): Command {
  const command = new Command(resource.name).description(resource.description).aliases(resource.aliases);
  for (const action of resource.actions) {
    const sub = new Command(action.name).description(`${action.summary}. ${action.description}`).aliases(action.aliases);
    sub.summary(action.summary);
    if (action.pathParam) sub.argument(`<${action.pathParam.name}>`, action.pathParam.description);
    else if (action.idField) sub.argument('[id]', `the ${resource.singular.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} id (or --${action.idField.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()})`);
    for (const flag of action.query) addFlag(sub, flag);
    for (const flag of action.bodyFields) addFlag(sub, flag);
    if (action.body === 'json') sub.option('--data <json>', 'the request body: JSON, @file.json, or - for standard input (flags override its fields)');
    if (action.body === 'multipart') sub.addOption(new Option('--file <group=path>', 'a file for a connector file group: FILE_GROUP_ID=./users.csv (repeat for each group)').argParser(collectFiles));
    if (action.paginated) sub.option('--all', 'read every page (streams with --output ndjson, json or csv)');
    if (action.waits) addWaitOptions(sub, resource, true, action.waitUntil);
    sub.addHelpText('after', `\nExample:\n  ${renderExample(resource, action)}\n\n${action.httpMethod} ${action.path} (operationId ${action.operationId})`);
    sub.action(async (...args: unknown[]) => {
      const cmd = args.at(-1) as Command;
      const values = cmd.opts<Values>();
      const id = action.pathParam || action.idField ? (args[0] as string | undefined) : undefined;
      if (values.until && !values.wait) throw new UsageError('--until needs --wait');
      await runAction(env.context(cmd), resource, action, id, values);
    });
    command.addCommand(sub);
  }
  if (resource.waiter) {
    const wait = new Command('wait').description(`Wait until ${/^[AEIOU]/.test(resource.singular) ? "an" : "a"} ${resource.singular.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} is final (${resource.waiter.success.join(', ')}), or reaches --until; exits ${8} on timeout, ${9} on a failure status (${resource.waiter.failure.join(', ') || 'none'}).`);
    wait.argument('<id>', 'the record to wait for');
    addWaitOptions(wait, resource, false);
    wait.action(async (id: string, _values: Values, cmd: Command) => {
      const context = env.context(cmd);
      // A wrong --output or --query fails here, before a wait that could last minutes.
      if (!context.format) return;
      if (context.options.query) await compileQuery(context.options.query);
      const client = (await context.client()) as unknown as Record<string, ResourceClient>;
      const record = await waitForRecord(context, resource, client[resource.property]!, id, cmd.opts<Values>());
      await writeResult(context, record);
    });
    command.addCommand(wait);
  }
  return command;
}

export type { GlobalOptions };
