// `pa listen`: a webhook receiver for development and for checking a server's deliveries. Every
// delivery is validated against the spec's webhook payload schema; a valid one is printed on stdout
// as one JSON line and answered 200 (or relayed with --forward-to and answered with the relay's
// status), an invalid one is answered 400 and explained on stderr. Against the sandbox it registers
// itself through the control plane and removes the registration when it stops.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorObject } from 'ajv';
import { rawRequest } from './api.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { webhookSchema } from './generated/webhook-schema.js';

const MAX_BODY = 1024 * 1024;

async function compileValidator() {
  // Both are CommonJS: their constructor and plugin sit on `default` (or are the module itself).
  const ajvModule = (await import('ajv/dist/2020.js')) as unknown as { default: typeof import('ajv/dist/2020.js').default };
  const formatsModule = (await import('ajv-formats')) as unknown as { default: typeof import('ajv-formats').default };
  const Ajv2020 = ajvModule.default;
  const addFormats = formatsModule.default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(webhookSchema);
  return (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error(`body larger than ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function listen(context: Context, options: Record<string, string | boolean | undefined>): Promise<void> {
  const port = Number(options.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: must be 0 to 65535, got "${String(options.port)}"`);
  const count = options.count === undefined ? Infinity : Number(options.count);
  if (!(count >= 1) || !Number.isInteger(count === Infinity ? 1 : count)) throw new UsageError(`--count: must be a whole number of 1 or more, got "${String(options.count)}"`);
  const forwardTo = typeof options.forwardTo === 'string' ? options.forwardTo : undefined;
  if (forwardTo && !/^https?:\/\//.test(forwardTo)) throw new UsageError(`--forward-to: must be an http(s) URL, got "${forwardTo}"`);
  const validate = await compileValidator();

  let received = 0;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST') return answer(res, 405, { error: 'method_not_allowed', message: 'webhook deliveries are POSTed' });
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      return answer(res, 413, { error: 'too_large', message: (error as Error).message });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch (error) {
      await context.err.write(`pa listen: a delivery that is not JSON was refused (${(error as Error).message})\n`);
      return answer(res, 400, { error: 'validation_error', message: 'the body is not JSON' });
    }
    const problems = validate(payload);
    if (problems.length) {
      await context.err.write(`pa listen: delivery ${String((payload as { id?: unknown })?.id ?? '?')} does not match the spec's webhook payload: ${problems.join('; ')}\n`);
      return answer(res, 400, { error: 'validation_error', message: 'the payload does not match the webhook schema', errors: problems });
    }
    await context.out.write(`${JSON.stringify(payload)}\n`);
    let status = 200;
    if (forwardTo) {
      try {
        const relayed = await fetch(forwardTo, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(body), signal: AbortSignal.timeout(30_000) });
        status = relayed.status;
        await relayed.body?.cancel();
        await context.err.write(`pa listen: forwarded to ${forwardTo}: ${status}\n`);
      } catch (error) {
        status = 502;
        await context.err.write(`pa listen: forwarding to ${forwardTo} failed (${(error as Error).message})\n`);
      }
    }
    answer(res, status, { received: true });
    received += 1;
    if (received >= count) stop();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new UsageError(`--port ${port}: already in use`) : error));
    server.listen(port, String(options.host ?? '127.0.0.1'), resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`;
  await context.err.write(`pa listen: listening on ${url}\n`);

  const signal = context.io.signal;
  const onAbort = () => stop();
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', onAbort, { once: true });
  let registration: string | undefined;
  // Registering is inside the try: when it fails, the receiver still closes, so the command ends
  // with the error instead of listening on with nobody told where.
  try {
    if (options.register !== false && (context.options.baseUrl ?? context.io.env.PA_BASE_URL)) {
      registration = await registerWithSandbox(context, url, options.applicationId as string | undefined);
    }
    await stopped;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (registration) {
      await rawRequest(context, 'DELETE', `/sandbox/webhooks/${registration}`).catch(async (error: Error) => {
        await context.err.write(`pa listen: could not remove the sandbox registration ${registration} (${error.message})\n`);
      });
    }
  }
  await context.err.write(`pa listen: stopped after ${received} deliveries\n`);
}

/** Registers the receiver when the server is a sandbox; a real server is configured in its web interface. */
async function registerWithSandbox(context: Context, url: string, applicationId: string | undefined): Promise<string | undefined> {
  try {
    await rawRequest(context, 'GET', '/sandbox');
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 405) {
      await context.err.write('pa listen: the server is not a sandbox; configure this URL for the application\'s access request notifications in Permission Assist\n');
      return undefined;
    }
    throw error;
  }
  const { data } = await rawRequest(context, 'POST', '/sandbox/webhooks', { url, ...(applicationId ? { applicationId } : {}) });
  const id = (data as { id: string }).id;
  await context.err.write(`pa listen: registered with the sandbox as webhook ${id}\n`);
  return id;
}
