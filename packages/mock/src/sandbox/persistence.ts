// The sandbox's state as JSON: what GET /sandbox/state returns and what --state keeps on disk.
// Saving is debounced and atomic (a temporary file renamed over the old one), so a crash never
// leaves half a file. Loading checks the file thoroughly (JSON, layout, and every record against
// the spec) and refuses a file it cannot read with a message saying what is wrong; such a file is
// never written over.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createValidator, formatErrors, type OpenApiDocument } from '@permission-assist/spec-kit';
import type { Step } from './engine.js';
import type { AccessRequestRecord, ApplicationRecord, EventRecord, IdentityRecord, ImportRecord } from './model.js';
import { Random } from './random.js';
import { renderEvent, renderImport, renderRequest } from './render.js';
import { Sandbox } from './sandbox.js';
import { SIZE_NAMES, type SandboxSize } from './seed/sizes.js';
import { Store } from './store.js';
import type { Delivery, WebhookRecord, Webhooks } from './webhooks.js';

export const STATE_VERSION = 1;

export interface SandboxState {
  version: number;
  seed: number;
  size: SandboxSize;
  clock: { now: string; frozen: boolean };
  random: number[];
  counters: Store['counters'];
  importSlot: string | null;
  actors: Store['actors'];
  identities: IdentityRecord[];
  applications: ApplicationRecord[];
  imports: ImportRecord[];
  events: EventRecord[];
  requests: AccessRequestRecord[];
  steps: Step[];
  webhooks: WebhookRecord[];
  deliveries: Delivery[];
}

export function toState(sandbox: Sandbox, webhooks: Webhooks): SandboxState {
  const { store, engine, clock } = sandbox;
  return {
    version: STATE_VERSION,
    seed: sandbox.seed,
    size: sandbox.size,
    clock: { now: new Date(clock.now()).toISOString(), frozen: clock.frozen },
    random: engine.random.state(),
    counters: store.counters,
    importSlot: store.importSlot,
    actors: store.actors,
    identities: [...store.identities.values()],
    applications: [...store.applications.values()],
    imports: [...store.imports.values()],
    events: [...store.events.values()],
    requests: [...store.requests.values()],
    steps: engine.pendingSteps(),
    webhooks: webhooks.registrations,
    deliveries: webhooks.log,
  };
}

export class StateFileError extends Error {
  constructor(path: string, problem: string) {
    super(`state file ${path} ${problem}. It was left as it is: fix or delete it, or pass another --state file`);
  }
}

const ARRAYS = ['identities', 'applications', 'imports', 'events', 'requests', 'steps', 'webhooks', 'deliveries', 'random'] as const;

/** Rebuilds a sandbox from a state; throws StateFileError naming the first problems found. */
export function fromState(spec: OpenApiDocument, state: unknown, path: string): { sandbox: Sandbox; webhooks: WebhookRecord[]; deliveries: Delivery[] } {
  const s = state as SandboxState;
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new StateFileError(path, 'does not hold a JSON object');
  if (s.version !== STATE_VERSION) throw new StateFileError(path, `has layout version ${JSON.stringify(s.version)}; this sandbox reads version ${STATE_VERSION}`);
  for (const key of ARRAYS) if (!Array.isArray(s[key])) throw new StateFileError(path, `has no "${key}" list`);
  if (!SIZE_NAMES.includes(s.size)) throw new StateFileError(path, `has an unknown size ${JSON.stringify(s.size)}`);
  if (!Number.isFinite(Date.parse(s.clock?.now))) throw new StateFileError(path, 'has no valid clock time');

  const store = new Store();
  store.counters = s.counters;
  store.importSlot = s.importSlot;
  store.actors = s.actors;
  s.applications.forEach((r) => store.addApplication(r));
  s.identities.forEach((r) => store.addIdentity(r));
  s.imports.forEach((r) => store.addImport(r));
  s.events.forEach((r) => store.addEvent(r));
  s.requests.forEach((r) => store.addRequest(r));

  // Every record must still be a valid API resource; a hand-edited file is caught here, not by a client.
  const validator = createValidator(spec);
  const problems: string[] = [];
  const check = (name: string, id: string, value: unknown) => {
    if (problems.length >= 5) return;
    for (const line of formatErrors(validator.validate({ $ref: `#/components/schemas/${name}` }, value))) problems.push(`${name} ${id}: ${line}`);
  };
  try {
    for (const r of store.identities.values()) check('Identity', r.identity.id, r.identity);
    for (const r of store.applications.values()) check('Application', r.application.id, r.application);
    for (const r of store.imports.values()) check('ApplicationImport', r.import.id, renderImport(store, r, 'full'));
    for (const r of store.events.values()) check('PersonnelEvent', r.event.id, renderEvent(store, r));
    for (const r of store.requests.values()) check('AccessRequest', r.request.id, renderRequest(store, r));
  } catch (error) {
    throw new StateFileError(path, `has records that refer to missing ones (${(error as Error).message})`);
  }
  if (problems.length) throw new StateFileError(path, `has invalid records:\n  ${problems.join('\n  ')}`);

  const sandbox = new Sandbox(
    spec,
    { seed: s.seed, size: s.size, now: Date.parse(s.clock.now), frozen: s.clock.frozen },
    { store, random: Random.fromState(s.random), steps: s.steps },
  );
  // Deliveries cut short by the restart are not tried again.
  const deliveries = s.deliveries.map((d) => (d.state === 'pending' ? { ...d, state: 'failed' as const } : d));
  return { sandbox, webhooks: s.webhooks, deliveries };
}

export function readStateFile(path: string): unknown | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
}

/** Writes the state after changes, at most every `intervalMs`, atomically. */
export class StateWriter {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => SandboxState,
    private readonly intervalMs = 250,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes now (pending changes included); used on shutdown. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(this.snapshot()));
      renameSync(temporary, this.path);
    } catch (error) {
      this.onError(error as Error);
    }
  }
}
