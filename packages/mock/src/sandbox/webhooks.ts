// Delivers the access request webhook (the spec's AccessRequestWebhookPayload) to receivers
// registered through the control plane. Each event that matches a receiver's filters becomes a
// delivery, posted with a timeout and tried up to four times (after 0.5, 2 and 5 seconds of real
// time) until the receiver answers 2xx; at most a few are in flight at once. The log keeps the
// latest deliveries with every attempt and whatever receivers posted back to the callback URL.
import { randomUUID } from 'node:crypto';
import { iso } from './clock.js';
import type { RequestEvent, RequestEventName } from './engine.js';
import { renderRequest } from './render.js';
import type { Sandbox } from './sandbox.js';

export interface WebhookRecord {
  id: string;
  url: string;
  applicationId: string | null;
  events: RequestEventName[] | null;
  createdDate: string;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  webhookId: string;
  event: RequestEventName;
  accessRequestId: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  callbacks: { receivedDate: string; body: unknown }[];
  payload: unknown;
}

export interface WebhookOptions {
  /** Waits before the 2nd, 3rd and 4th tries, in ms. */
  retryDelays?: number[];
  /** Time a receiver has to answer, in ms. */
  timeoutMs?: number;
  /** Deliveries posted at the same time. */
  concurrency?: number;
  fetch?: typeof fetch;
}

const LOG_SIZE = 1000;
/** Callbacks kept for one delivery, and in the whole log (each at most the callback body limit). */
export const CALLBACKS_PER_DELIVERY = 10;
export const CALLBACKS_IN_LOG = 1000;

const DESCRIPTIONS: Record<RequestEventName, [display: string, description: string]> = {
  AccessRequestCreated: ['Access Request Created', 'A new access request was created.'],
  AccessRequestOpened: ['Access Request Opened', 'The access request was approved and is being provisioned.'],
  AccessRequestResolved: ['Access Request Resolved', 'The access request was provisioned and waits for verification.'],
  AccessRequestCompleted: ['Access Request Completed', 'The access request was verified and completed.'],
  AccessRequestCanceled: ['Access Request Canceled', 'The access request was canceled.'],
  AccessRequestScheduled: ['Access Request Scheduled', 'The access request is scheduled for a later date.'],
  AccessRequestSnoozed: ['Access Request Snoozed', 'The access request waits until a date is known.'],
};

export class Webhooks {
  /** Newest first. */
  log: Delivery[] = [];
  private readonly queue: Delivery[] = [];
  private inFlight = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly controllers = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  private readonly retryDelays: number[];
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly sandbox: Sandbox,
    /** Where the sandbox is reached, for the payload's callback URL. */
    private readonly origin: () => string,
    options: WebhookOptions = {},
  ) {
    this.retryDelays = options.retryDelays ?? [500, 2000, 5000];
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.concurrency = options.concurrency ?? 4;
    this.fetch = options.fetch ?? globalThis.fetch;
    sandbox.onRequestEvent((event) => this.dispatch(event));
  }

  /** The receivers; the sandbox keeps them, so registering one is a journaled write. */
  get registrations(): WebhookRecord[] {
    return this.sandbox.webhookRegistrations;
  }

  register(input: { url: string; applicationId?: string; events?: RequestEventName[] }, now: number): WebhookRecord {
    const record: WebhookRecord = {
      id: randomUUID(),
      url: input.url,
      applicationId: input.applicationId?.toLowerCase() ?? null,
      events: input.events ?? null,
      createdDate: iso(now),
    };
    this.sandbox.setWebhooks([...this.registrations, record]);
    return record;
  }

  remove(id: string): boolean {
    const kept = this.registrations.filter((r) => r.id !== id.toLowerCase());
    if (kept.length === this.registrations.length) return false;
    this.sandbox.setWebhooks(kept);
    return true;
  }

  clearLog(): void {
    this.log = [];
    this.queue.length = 0;
  }

  /**
   * Records what a receiver posted to a delivery's callback URL. Anyone who can reach the sandbox
   * may post there without a token, so what is kept is bounded: a few callbacks per delivery and a
   * cap on the whole log; past either, nothing is kept and the caller is told which cap it hit.
   */
  callback(deliveryId: string, body: unknown, now: number): 'kept' | 'unknown' | 'delivery-full' | 'log-full' {
    const delivery = this.log.find((d) => d.id === deliveryId.toLowerCase());
    if (!delivery) return 'unknown';
    if (delivery.callbacks.length >= CALLBACKS_PER_DELIVERY) return 'delivery-full';
    if (this.log.reduce((sum, d) => sum + d.callbacks.length, 0) >= CALLBACKS_IN_LOG) return 'log-full';
    delivery.callbacks.push({ receivedDate: iso(now), body });
    this.sandbox.logChanged();
    return 'kept';
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0 && this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.controllers) controller.abort();
    this.queue.length = 0;
    this.settle();
  }

  private dispatch(event: RequestEvent): void {
    if (this.registrations.length === 0) return;
    const record = this.sandbox.store.requests.get(event.requestId);
    if (!record) return;
    let request: unknown;
    for (const webhook of this.registrations) {
      if (webhook.applicationId && webhook.applicationId !== record.target.applicationId) continue;
      if (webhook.events && !webhook.events.includes(event.name)) continue;
      request ??= renderRequest(this.sandbox.store, record);
      const id = randomUUID();
      const [display, description] = DESCRIPTIONS[event.name];
      const delivery: Delivery = {
        id,
        webhookId: webhook.id,
        event: event.name,
        accessRequestId: event.requestId,
        state: 'pending',
        attempts: [],
        callbacks: [],
        payload: {
          id,
          createdDate: iso(event.at),
          callback: `${this.origin()}/sandbox/webhooks/callback/${id}`,
          event: { name: event.name, display, description, request },
        },
      };
      this.log.unshift(delivery);
      if (this.log.length > LOG_SIZE) this.log.length = LOG_SIZE;
      this.queue.push(delivery);
    }
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.concurrency && this.queue.length > 0) {
      const delivery = this.queue.shift()!;
      this.inFlight += 1;
      void this.attempt(delivery).finally(() => {
        this.inFlight -= 1;
        this.pump();
        this.settle();
      });
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const webhook = this.registrations.find((r) => r.id === delivery.webhookId);
    if (!webhook) {
      delivery.state = 'failed';
      return;
    }
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    const started = performance.now();
    const attempt: DeliveryAttempt = { at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), status: null, error: null, durationMs: 0 };
    try {
      const response = await this.fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'permission-assist-sandbox' },
        body: JSON.stringify(delivery.payload),
        signal: controller.signal,
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt.status = response.status;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      attempt.error = controller.signal.aborted ? String((controller.signal.reason as Error)?.message ?? 'aborted') : (cause?.code ?? cause?.message ?? (error as Error).message);
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
    attempt.durationMs = Math.round(performance.now() - started);
    delivery.attempts.push(attempt);
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
      delivery.state = 'delivered';
    } else if (delivery.attempts.length > this.retryDelays.length || this.closed) {
      delivery.state = 'failed';
    } else {
      const retry = setTimeout(() => {
        this.timers.delete(retry);
        this.queue.push(delivery);
        this.pump();
      }, this.retryDelays[delivery.attempts.length - 1]);
      retry.unref();
      this.timers.add(retry);
    }
    this.sandbox.logChanged();
  }

  private settle(): void {
    if (this.queue.length === 0 && this.inFlight === 0 && this.timers.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
