// The control plane (spec/sandbox.yaml): reset, the clock, approving an event, connectors,
// webhook receivers and deliveries, and the state dump.
import { HttpError, validationError } from '../../http/errors.js';
import type { HttpSettings } from '../../http/settings.js';
import { iso } from '../clock.js';
import { durability } from '../persistence.js';
import { renderEvent } from '../render.js';
import type { Sandbox } from '../sandbox.js';
import type { SandboxSize } from '../seed/sizes.js';
import { CALLBACKS_IN_LOG, CALLBACKS_PER_DELIVERY, type Webhooks } from '../webhooks.js';
import type { Handlers } from './types.js';

export interface ControlContext {
  sandbox: Sandbox;
  webhooks: Webhooks;
  stateFile: string | null;
  /** The limits and timeouts the sandbox's HTTP server enforces. */
  settings: HttpSettings;
  /** The whole state, as --state writes it. */
  state(): unknown;
  /** A fresh data set; receivers stay registered, their delivery log starts over. */
  reset(options: { seed?: number; size?: SandboxSize }): void;
}

export function info({ sandbox, stateFile, settings }: ControlContext) {
  return {
    seed: sandbox.seed,
    size: sandbox.size,
    clock: sandbox.clock.snapshot(),
    counts: sandbox.store.counts(),
    limits: {
      jsonBodyBytes: settings.jsonBodyBytes,
      uploadBytes: settings.uploadBytes,
      concurrentUploads: settings.concurrentUploads,
      callbackBodyBytes: settings.callbackBodyBytes,
      minBodyBytesPerSecond: settings.minBodyBytesPerSecond,
      requestTimeoutMs: settings.requestTimeoutMs,
    },
    stateFile,
    durability: durability(stateFile),
  };
}

/** The latest time the sandbox clock may show: the last second of year 9999. */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);

export function controlHandlers(context: ControlContext): Handlers {
  const { sandbox, webhooks } = context;
  return {
    getSandbox: () => ({ status: 200, body: info(context) }),

    resetSandbox: ({ body }) => {
      context.reset(body ?? {});
      return { status: 200, body: info(context) };
    },

    getSandboxState: () => ({ status: 200, body: context.state() }),

    listConnectors: () => ({
      status: 200,
      body: {
        items: sandbox.store.ordered('applications').map((record) => ({
          application: record.application,
          importSchedule: record.schedule,
          fileBased: record.fileBased,
          fileGroups: record.fileGroups,
        })),
      },
    }),

    getClock: () => ({ status: 200, body: sandbox.clock.snapshot() }),

    advanceClock: ({ body, now }) => {
      const { seconds, until } = body as { seconds?: number; until?: string };
      if ((seconds === undefined) === (until === undefined)) throw validationError([{ field: 'seconds', message: 'Give exactly one of seconds and until' }]);
      const target = seconds !== undefined ? now + seconds * 1000 : Date.parse(until!);
      const field = seconds !== undefined ? 'seconds' : 'until';
      // Past this no timestamp can be written (Date and the API's four-digit years end there), and
      // one such move would leave every later answer failing: refuse it instead.
      if (!Number.isFinite(target) || target > LATEST_TIME) {
        throw validationError([{ field, message: `${field === 'seconds' ? 'Seconds' : 'Until'} would move the clock past ${iso(LATEST_TIME)}, the latest time the sandbox can represent` }]);
      }
      if (target <= now) throw validationError([{ field: 'until', message: `Until must be later than the sandbox's now (${sandbox.clock.snapshot().now})` }]);
      const steps = sandbox.advanceTo(target);
      return { status: 200, body: { clock: sandbox.clock.snapshot(), steps } };
    },

    freezeClock: () => {
      sandbox.freezeClock();
      return { status: 200, body: sandbox.clock.snapshot() };
    },

    resumeClock: () => {
      sandbox.resumeClock();
      return { status: 200, body: sandbox.clock.snapshot() };
    },

    approvePersonnelEvent: ({ pathParams: { id }, now }) => {
      const record = sandbox.store.events.get(id!.toLowerCase());
      if (!record) throw new HttpError(404, `Personnel event with id ${id} not found`);
      if (record.phase !== 'approval') {
        const hint = record.phase === 'scheduled' ? `; advance the clock to its effective date (${record.effectiveDay}) first` : '';
        throw new HttpError(409, `Personnel event ${record.event.number} is ${record.event.status}, not Pending${hint}`);
      }
      sandbox.approveEvent(record.event.id, now);
      return { status: 200, body: renderEvent(sandbox.store, record) };
    },

    listWebhooks: () => ({ status: 200, body: { items: webhooks.registrations } }),

    registerWebhook: ({ body, now }) => {
      if (body.applicationId && !sandbox.store.applications.has(String(body.applicationId).toLowerCase())) {
        throw validationError([{ field: 'applicationId', message: `Application id matches no application (${body.applicationId})` }]);
      }
      return { status: 201, body: webhooks.register(body, now) };
    },

    deleteWebhook: ({ pathParams: { id } }) => {
      if (!webhooks.remove(id!)) throw new HttpError(404, `Webhook with id ${id} not found`);
      return { status: 204 };
    },

    listDeliveries: ({ query }) => {
      const webhookId = query.get('webhookId')?.toLowerCase();
      return { status: 200, body: { items: webhooks.log.filter((d) => !webhookId || d.webhookId === webhookId) } };
    },

    postDeliveryCallback: ({ pathParams: { deliveryId }, body, now }) => {
      const kept = webhooks.callback(deliveryId!, body ?? null, now);
      if (kept === 'unknown') throw new HttpError(404, `Delivery with id ${deliveryId} not found`);
      if (kept === 'delivery-full') throw new HttpError(409, `Delivery ${deliveryId} already keeps ${CALLBACKS_PER_DELIVERY} callbacks, the most the sandbox keeps for one delivery`);
      if (kept === 'log-full') throw new HttpError(409, `The delivery log already keeps ${CALLBACKS_IN_LOG.toLocaleString('en-US')} callbacks, the most the sandbox keeps; POST /sandbox/reset clears it`);
      return { status: 202 };
    },
  };
}
