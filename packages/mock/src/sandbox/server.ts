// startSandbox(): the stateful Permission Assist sandbox over HTTP. Each request is routed from the
// spec (the API and the control plane), authenticated, read within limits, validated, and answered
// from the sandbox after the workflow steps that fell due have run. A timer runs steps as they fall
// due in real time too, so webhooks arrive without any request to trigger them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deref, type OpenApiDocument, type OperationObject } from '@permission-assist/spec-kit';
import { discardBody, LIMITS, parseJson, readBody } from '../http/body.js';
import { HttpError, validationError } from '../http/errors.js';
import { Gate, readMultipart, type UploadedForm } from '../http/multipart.js';
import { createRouter } from '../http/router.js';
import { answerPreflight, closeServer, createApiServer, listen, requestTarget, send, serverUrl, type RequestLog } from '../http/server.js';
import { loadSpecs } from '../specs.js';
import { createRequestValidator, type RequestValidator } from '../validation/request-validator.js';
import { controlHandlers, type ControlContext } from './api/control.js';
import { eventHandlers } from './api/events.js';
import { importHandlers } from './api/imports.js';
import { readHandlers } from './api/reads.js';
import type { Handlers } from './api/types.js';
import { authenticate } from './auth.js';
import { DAY, HOUR, MINUTE, SECOND } from './clock.js';
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

function contentTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function startSandbox(options: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const { api, sandbox: sandboxSpec } = loadSpecs();
  const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (!Number.isFinite(now)) throw new Error(`now: ${JSON.stringify(options.now)} is not a date`);

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
  const control: ControlContext = { sandbox, webhooks, stateFile: options.stateFile ?? null, state: () => toState(sandbox, webhooks.log), reset };
  const handlers: Handlers = { ...readHandlers(sandbox), ...eventHandlers(sandbox), ...importHandlers(sandbox), ...controlHandlers(control) };
  const router = createRouter([api, sandboxSpec]);
  const validators = new Map<any, RequestValidator>([
    [api, createRequestValidator(api)],
    [sandboxSpec, createRequestValidator(sandboxSpec)],
  ]);
  const uploads = new Gate(LIMITS.concurrentUploads, LIMITS.queuedUploads);

  // Steps fall due in real time too: one timer, always armed for the next step.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = sandbox.engine.nextAt();
    if (next === undefined || sandbox.clock.frozen) return;
    timer = setTimeout(() => {
      sandbox.engine.sync();
      arm();
    }, Math.min(Math.max(0, next - sandbox.clock.now()), 2 ** 31 - 1));
    timer.unref();
  };
  sandbox.onChange(arm);

  async function readRequestBody(req: IncomingMessage, operation: OperationObject, spec: OpenApiDocument): Promise<{ body?: unknown; hasBody: boolean; form?: UploadedForm }> {
    const content = deref(spec, operation.requestBody)?.content as Record<string, unknown> | undefined;
    if (!content) {
      await discardBody(req, LIMITS.jsonBodyBytes);
      return { hasBody: false };
    }
    const type = contentTypeOf(req);
    if ('multipart/form-data' in content) {
      if (type !== 'multipart/form-data') throw new HttpError(415, `This operation takes multipart/form-data, not ${type || 'a body without a content type'}`);
      return { hasBody: true, form: await uploads.run(() => readMultipart(req, LIMITS.uploadBytes)) };
    }
    const raw = await readBody(req, LIMITS.jsonBodyBytes);
    if (raw.length === 0) return { hasBody: false };
    if (/^application\/([\w.+-]+\+)?json$/.test(type) && 'application/json' in content) return { hasBody: true, body: parseJson(raw) };
    if (type === 'text/plain' && 'text/plain' in content) return { hasBody: true, body: raw.toString('utf8') };
    throw new HttpError(415, `This operation takes ${Object.keys(content).join(' or ')}, not ${type || 'a body without a content type'}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, correlationId: string): Promise<number> {
    if (answerPreflight(req, res)) return 204;
    const head = req.method === 'HEAD';
    const url = requestTarget(req);
    const { route, pathParams } = router.resolve(req.method ?? 'GET', url.pathname, 'the Permission Assist API or the sandbox');
    if (route.secured) authenticate(req.headers.authorization);
    const { body, hasBody, form } = await readRequestBody(req, route.operation, route.spec);
    const problems = validators.get(route.spec)!.check(route, { pathParams, query: url.searchParams, body, hasBody: hasBody && !form });
    if (problems.length) throw validationError(problems);
    sandbox.engine.sync();
    const handler = handlers[route.operationId];
    if (!handler) throw new HttpError(501, `The sandbox does not implement ${route.operationId}`);
    const reply = await handler({ route, pathParams, query: url.searchParams, body, form, now: sandbox.clock.now(), origin });
    // A write is answered only once it is durable (with --state; at once otherwise).
    await sandbox.committed();
    send(res, reply.status, reply.body, { 'x-request-id': correlationId, ...reply.headers }, head);
    return reply.status;
  }

  const server = createApiServer(handle, {
    onRequest: options.onRequest,
    onError: options.onError,
    unexpected: (error) => `The sandbox failed unexpectedly: ${error.message}`,
  });

  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  origin = serverUrl(server);
  arm();

  return {
    url: origin,
    token: TOKEN,
    clock: {
      now: () => new Date(sandbox.clock.now()),
      advance: (by) => sandbox.advanceTo(sandbox.clock.now() + durationMs(by)),
      advanceTo: (time) => sandbox.advanceTo(new Date(time).getTime()),
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
