// The sandbox's state as JSON: what GET /sandbox/state returns and what --state keeps on disk.
// On disk it is a snapshot (FILE) plus a journal of the writes made since (FILE.journal, see
// journal.ts and state-keeper.ts). Loading checks both thoroughly (JSON, layout, the journal's
// checksums, and every record against the spec) and refuses what it cannot read with a message
// saying what is wrong; a refused file is never written over.
import { existsSync, readFileSync } from 'node:fs';
import { createValidator, formatErrors, type OpenApiDocument } from '@permission-assist/spec-kit';
import type { Step } from './engine.js';
import { journalPath, JournalError, readJournal } from './journal.js';
import type { AccessRequestRecord, ApplicationRecord, EventRecord, IdentityRecord, ImportRecord } from './model.js';
import { Random } from './random.js';
import { renderEvent, renderImport, renderRequest } from './render.js';
import { RETENTION } from './retention.js';
import { Sandbox, type JournalEntry } from './sandbox.js';
import { SIZE_NAMES, type SandboxSize } from './seed/sizes.js';
import { Store } from './store.js';
import type { Delivery, WebhookRecord } from './webhooks.js';

export const STATE_VERSION = 1;

export interface SandboxState {
  version: number;
  /** The last journaled write this snapshot includes (journal entries up to it are skipped on load). */
  journalSeq: number;
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

export function toState(sandbox: Sandbox, deliveries: Delivery[]): SandboxState {
  const { store, engine, clock } = sandbox;
  return {
    version: STATE_VERSION,
    journalSeq: sandbox.seq,
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
    webhooks: sandbox.webhookRegistrations,
    deliveries,
  };
}

export class StateFileError extends Error {
  constructor(path: string, problem: string) {
    super(`state file ${path} ${problem}. It was left as it is: fix or delete it, or pass another --state file`);
  }
}

const ARRAYS = ['identities', 'applications', 'imports', 'events', 'requests', 'steps', 'webhooks', 'deliveries', 'random'] as const;

/**
 * Rebuilds a sandbox from a state and the journal entries written after it; throws StateFileError
 * naming the first problems found.
 */
export function fromState(spec: OpenApiDocument, state: unknown, path: string, journal: JournalEntry[] = []): { sandbox: Sandbox; deliveries: Delivery[] } {
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

  const journalSeq = s.journalSeq ?? 0;
  if (!Number.isInteger(journalSeq) || journalSeq < 0) throw new StateFileError(path, `has an invalid journalSeq ${JSON.stringify(s.journalSeq)}`);
  const sandbox = new Sandbox(
    spec,
    { seed: s.seed, size: s.size, now: Date.parse(s.clock.now), frozen: s.clock.frozen },
    { store, random: Random.fromState(s.random), steps: s.steps, seq: journalSeq, webhooks: s.webhooks },
  );
  for (const entry of journal) {
    if (entry.seq <= journalSeq) continue;
    try {
      sandbox.replay(entry);
    } catch (error) {
      throw new StateFileError(journalPath(path), `has write ${entry.seq} (${entry.command.op}) that cannot be applied to ${path} (${(error as Error).message})`);
    }
  }

  // Every record must still be a valid API resource; a hand-edited file is caught here, not by a client.
  const validator = createValidator(spec, { metaSchema: false });
  const problems: string[] = [];
  const check = (name: string, id: string, value: unknown) => {
    if (problems.length >= 5) return;
    for (const line of formatErrors(validator.validate({ $ref: `#/components/schemas/${name}` }, value))) problems.push(`${name} ${id}: ${line}`);
  };
  const { store: replayed } = sandbox;
  try {
    for (const r of replayed.identities.values()) check('Identity', r.identity.id, r.identity);
    for (const r of replayed.applications.values()) check('Application', r.application.id, r.application);
    for (const r of replayed.imports.values()) check('ApplicationImport', r.import.id, renderImport(replayed, r, 'full'));
    for (const r of replayed.events.values()) check('PersonnelEvent', r.event.id, renderEvent(replayed, r));
    for (const r of replayed.requests.values()) check('AccessRequest', r.request.id, renderRequest(replayed, r));
  } catch (error) {
    throw new StateFileError(path, `has records that refer to missing ones (${(error as Error).message})`);
  }
  if (problems.length) throw new StateFileError(path, `has invalid records:\n  ${problems.join('\n  ')}`);

  // Deliveries cut short by the restart are not tried again.
  const deliveries = s.deliveries.map((d) => (d.state === 'pending' ? { ...d, state: 'failed' as const } : d));
  return { sandbox, deliveries };
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

export interface RecoveredState {
  sandbox: Sandbox;
  deliveries: Delivery[];
  /** Journal entries replayed on top of the snapshot, and bytes of a torn last write dropped. */
  replayed: number;
  tornBytes: number;
}

/** The state kept in `path` (snapshot and journal), or undefined when there is none yet. */
export function recoverState(spec: OpenApiDocument, path: string): RecoveredState | undefined {
  const saved = readStateFile(path);
  let journal;
  try {
    journal = readJournal(journalPath(path));
  } catch (error) {
    if (error instanceof JournalError) throw new StateFileError(journalPath(path), error.message);
    throw error;
  }
  if (saved === undefined) {
    if (journal?.entries.length) throw new StateFileError(journalPath(path), `holds writes but the state file they follow (${path}) is missing`);
    return undefined;
  }
  const { sandbox, deliveries } = fromState(spec, saved, path, journal?.entries);
  const replayed = journal ? journal.entries.filter((entry) => entry.seq > ((saved as SandboxState).journalSeq ?? 0)).length : 0;
  return { sandbox, deliveries, replayed, tornBytes: journal?.tornBytes ?? 0 };
}

/** What --state promises, as GET /sandbox states it. */
export function durability(stateFile: string | null) {
  if (!stateFile) {
    return { mode: 'memory' as const, guarantee: 'The state lives in memory only and is lost when the process stops (start with --state FILE to keep it).', retention: RETENTION };
  }
  return {
    mode: 'journal' as const,
    guarantee:
      `Every write is answered only after it is appended to ${journalPath(stateFile)} and flushed to disk (fdatasync), so a crash or kill -9 loses no answered write. ` +
      `The journal is folded into ${stateFile} when it grows and on shutdown; on start the sandbox replays it over ${stateFile} and drops a last write the crash cut short. ` +
      'The webhook delivery log is saved with the snapshot only (up to 5 seconds behind); sandbox time does not run while the process is stopped.',
    retention: RETENTION,
  };
}
