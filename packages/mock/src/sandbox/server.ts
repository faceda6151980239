// startSandbox(): the stateful Permission Assist sandbox over HTTP. Each request is routed from the
// spec (the API and the control plane), authenticated, read within limits, validated, and answered
// from the sandbox after the workflow steps that fell due have run. A timer runs steps as they fall
// due in real time too, so webhooks arrive without any request to trigger them.
import { apiOnly } from '../http/cors.js';
import { HttpError } from '../http/errors.js';
import { createFrontDoor, type Exchange } from '../http/front-door.js';
import { createOperationReader } from '../http/operation-request.js';
import { declaredLimit } from '../http/request-body.js';
import { closeServer, listen, send, serverUrl, type RequestLog } from '../http/server.js';
import { httpSettings, type HttpSettings } from '../http/settings.js';
import { loadSpecs } from '../specs.js';
import { controlHandlers, LATEST_TIME, type ControlContext } from './api/control.js';
import { eventHandlers } from './api/events.js';
import { importHandlers } from './api/imports.js';
import { readHandlers } from './api/reads.js';
import type { Handlers } from './api/types.js';
import { DAY, HOUR, iso, MINUTE, SECOND } from './clock.js';
import { recoverState, toState } from './persistence.js';
import { Sandbox } from './sandbox.js';
import { StateKeeper } from './state-keeper.js';
import type { SandboxSize } from './seed/sizes.js';
import { Webhooks, type WebhookOptions } from './webhooks.js';

export interface SandboxServerOptions {
  host?: string;
  /** 0 picks a free port (the default for in-process use). */
  port?: number;
  /** Seed of the data set (default 1). */
  seed?: number;
  /** Data set size (default `small`). */
  size?: SandboxSize;
  /** Sandbox time to start at (default: now). */
  now?: Date | string | number;
  /** Start with the clock frozen: it then moves only when advanced (good for tests). */
  frozen?: boolean;
  /** Keep the state in this file across restarts. */
  stateFile?: string;
  /** Called once per request, after the answer is sent. */
  onRequest?: (log: RequestLog) => void;
  /** Called when something goes wrong outside a request (a state file that cannot be written). */
  onError?: (error: Error) => void;
  webhooks?: WebhookOptions;
  /** Host names to answer to besides localhost, IP addresses and `host` (DNS rebinding protection). */
  allowHosts?: string[];
  /** Tighter (or looser) limits and timeouts than pa-mock's defaults. */
  http?: Partial<HttpSettings>;
}

export type Duration = number | { days?: number; hours?: number; minutes?: number; seconds?: number };

export interface RunningSandbox {
  /** Base URL of the sandbox (the API is under /api, the control plane under /sandbox). */
  url: string;
  /** A token the sandbox accepts (any `pa_...` token works). */
  token: string;
  clock: {
    now(): Date;
    /** Moves sandbox time forward, running every workflow step on the way; returns how many ran. */
    advance(by: Duration): number;
    advanceTo(time: Date | string): number;
    freeze(): void;
    resume(): void;
  };
  /** Regenerates the data set (same clock; webhooks stay registered). */
  reset(options?: { seed?: number; size?: SandboxSize }): void;
  /** Resolves when no webhook delivery is queued, in flight or waiting to be retried. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

const TOKEN = 'pa_sandbox';

function durationMs(by: Duration): number {
  if (typeof by === 'number') return by;
  return (by.days ?? 0) * DAY + (by.hours ?? 0) * HOUR + (by.minutes ?? 0) * MINUTE + (by.seconds ?? 0) * SECOND;
}

/** A clock target the sandbox can represent, or a RangeError saying why not. */
function checkedTime(time: number, what: string): number {
  if (!Number.isFinite(time) || time > LATEST_TIME) throw new RangeError(`clock.${what}: the clock cannot move past ${iso(LATEST_TIME)}`);
  return time;
}

export async function startSandbox(options: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const { api, sandbox: sandboxSpec } = loadSpecs();
  const settings = httpSettings(options.http);
  const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (!Number.isFinite(now) || now > LATEST_TIME) throw new Error(`now: ${JSON.stringify(options.now)} is not a date the sandbox can represent (at most ${iso(LATEST_TIME)})`);

  // State: from the file when there is one (a file that cannot be read stops the start, untouched).
  const restored = options.stateFile ? recoverState(api, options.stateFile) : undefined;
  const sandbox = restored?.sandbox ?? new Sandbox(api, { seed: options.seed ?? 1, size: options.size ?? 'small', now, frozen: options.frozen });

  let origin = '';
  const webhooks = new Webhooks(sandbox, () => origin, options.webhooks);
  if (restored) webhooks.log = restored.deliveries;
  const keeper = options.stateFile ? new StateKeeper(options.stateFile, sandbox, () => toState(sandbox, webhooks.log), { onError: options.onError }) : undefined;

  const reset = (resetOptions: { seed?: number; size?: SandboxSize } = {}) => {
    sandbox.reset(resetOptions);
    webhooks.clearLog();
  };
  const control: ControlContext = { sandbox, webhooks, stateFile: options.stateFile ?? null, settings, state: () => toState(sandbox, webhooks.log), reset };
  const handlers: Handlers = { ...readHandlers(sandbox), ...eventHandlers(sandbox), ...importHandlers(sandbox), ...controlHandlers(control) };
  const host = options.host ?? '127.0.0.1';
  const operations = createOperationReader({
    specs: [api, sandboxSpec],
    served: 'the Permission Assist API or the sandbox',
    settings,
    // What a receiver posts back is kept with its delivery: a note, not a file.
    jsonLimitOf: (operationId) => (operationId === 'postDeliveryCallback' ? settings.callbackBodyBytes : settings.jsonBodyBytes),
  });

  // Steps fall due in real time too: one timer, always armed for the next step. Most changes leave
  // the next step where it was (a write adds steps later than it): the timer then stays as it is,
  // instead of being cleared and set again on every write.
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The real time (Date.now()) the armed timer is for. */
  let armedFor: number | undefined;
  const arm = () => {
    const next = sandbox.engine.nextAt();
    const wait = next === undefined || sandbox.clock.frozen ? undefined : Math.max(0, next - sandbox.clock.now());
    const dueAt = wait === undefined ? undefined : Date.now() + wait;
    if (timer && dueAt !== undefined && armedFor === dueAt) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    armedFor = dueAt;
    if (wait === undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      sandbox.engine.sync();
      arm();
    }, Math.min(wait, 2 ** 31 - 1));
    timer.unref();
  };
  sandbox.onChange(arm);

  async function handle(exchange: Exchange): Promise<number> {
    const { route, pathParams, query, body, form } = await operations.read(exchange);
    sandbox.engine.sync();
    const handler = handlers[route.operationId];
    if (!handler) throw new HttpError(501, `The sandbox does not implement ${route.operationId}`);
    const answer = handler({ route, pathParams, query, body, form, now: sandbox.clock.now(), origin });
    const reply = answer instanceof Promise ? await answer : answer;
    // A write is answered only once it is durable (with --state; at once otherwise).
    const durable = sandbox.committed();
    if (durable) await durable;
    send(exchange.res, reply.status, reply.body, reply.headers, exchange.head);
    return reply.status;
  }

  const server = createFrontDoor(handle, {
    settings,
    allowHosts: [host, ...(options.allowHosts ?? [])],
    cors: apiOnly,
    bodyLimit: declaredLimit(settings),
    onRequest: options.onRequest,
    onError: options.onError,
    unexpected: (error) => `The sandbox failed unexpectedly: ${error.message}`,
  });

  await listen(server, options.port ?? 0, host);
  origin = serverUrl(server);
  arm();

  return {
    url: origin,
    token: TOKEN,
    clock: {
      now: () => new Date(sandbox.clock.now()),
      advance: (by) => sandbox.advanceTo(checkedTime(sandbox.clock.now() + durationMs(by), 'advance')),
      advanceTo: (time) => sandbox.advanceTo(checkedTime(new Date(time).getTime(), 'advanceTo')),
      freeze: () => sandbox.freezeClock(),
      resume: () => sandbox.resumeClock(),
    },
    reset,
    webhooksIdle: () => webhooks.idle(),
    async close() {
      if (timer) clearTimeout(timer);
      webhooks.close();
      await closeServer(server);
      await keeper?.close();
    },
  };
}
