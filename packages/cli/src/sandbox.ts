// `pa sandbox ...`: the sandbox's control plane (spec/sandbox.yaml), so a scheduler job can be
// rehearsed end to end: reset the data, move the clock, approve an event, find file group ids.
import { rawRequest } from './api.js';
import type { Context } from './context.js';
import { parseDuration } from './duration.js';
import { UsageError } from './errors.js';
import { writeResult } from './operations.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function sandboxCommand(context: Context, name: string, args: string[], options: Record<string, unknown>): Promise<void> {
  const send = async (method: string, path: string, body?: unknown) => (await rawRequest(context, method, path, body)).data;
  let result: unknown;
  switch (name) {
    case 'info':
      result = await send('GET', '/sandbox');
      break;
    case 'reset': {
      const body: Record<string, unknown> = {};
      if (options.seed !== undefined) {
        const seed = Number(options.seed);
        if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed: must be a whole number of 0 or more, got "${String(options.seed)}"`);
        body.seed = seed;
      }
      if (options.size !== undefined) body.size = options.size;
      result = await send('POST', '/sandbox/reset', body);
      break;
    }
    case 'clock':
      result = await send('GET', '/sandbox/clock');
      break;
    case 'advance': {
      const ms = parseDuration(args[0] ?? '', 'clock advance');
      if (ms <= 0) throw new UsageError('clock advance: the duration must be more than 0');
      result = await send('POST', '/sandbox/clock/advance', { seconds: ms / 1000 });
      break;
    }
    case 'freeze':
      result = await send('POST', '/sandbox/clock/freeze');
      break;
    case 'resume':
      result = await send('POST', '/sandbox/clock/resume');
      break;
    case 'approve': {
      const id = args[0] ?? '';
      if (!GUID.test(id)) throw new UsageError(`approve: "${id}" is not a personnel event id (a GUID)`);
      result = await send('POST', `/sandbox/personnel-events/${id}/approve`);
      break;
    }
    case 'connectors':
      result = await send('GET', '/sandbox/connectors');
      break;
    case 'webhooks':
      result = await send('GET', '/sandbox/webhooks');
      break;
    case 'deliveries':
      result = await send('GET', '/sandbox/webhooks/deliveries');
      break;
    default:
      throw new UsageError(`sandbox: no command ${name}`);
  }
  await writeResult(context, result);
}
