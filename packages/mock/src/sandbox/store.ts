// The sandbox's tables: one Map per kind of record, and each list's fixed order. Orders are
// re-sorted lazily, only after a change that can move a record (a new record, a changed name or
// build start), so reading a page costs a slice, not a sort.
import type { AccessRequestRecord, Actors, ApplicationRecord, Counters, EventRecord, IdentityRecord, ImportRecord } from './model.js';

interface Records {
  identities: IdentityRecord;
  applications: ApplicationRecord;
  imports: ImportRecord;
  events: EventRecord;
  requests: AccessRequestRecord;
}
type Kind = keyof Records;

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The documented (or, where the vendor is silent, chosen and stated) order of each list. */
const ORDER: { [K in Kind]: (a: Records[K], b: Records[K]) => number } = {
  // By last name, then first name, ascending (the vendor does not say which direction).
  identities: (a, b) =>
    collator.compare(a.identity.lastName, b.identity.lastName) || collator.compare(a.identity.firstName, b.identity.firstName) || compareText(a.identity.id, b.identity.id),
  // Undocumented: by name.
  applications: (a, b) => collator.compare(a.application.name, b.application.name) || compareText(a.application.id, b.application.id),
  // Build start, latest first; imports not built yet (no build start) first, newest first.
  imports: (a, b) => {
    const sa = a.import.buildStart;
    const sb = b.import.buildStart;
    if (sa === null || sb === null) return sa === sb ? b.createdAt - a.createdAt || b.import.number - a.import.number : sa === null ? -1 : 1;
    return compareText(sb, sa) || b.import.number - a.import.number;
  },
  // Effective date, latest first.
  events: (a, b) => compareText(b.event.neededOn, a.event.neededOn) || b.event.number - a.event.number,
  // Created date, newest first (the API has no created date field; the sandbox keeps one).
  requests: (a, b) => b.createdAt - a.createdAt || b.request.number - a.request.number,
};

function compareText(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Store {
  readonly identities = new Map<string, IdentityRecord>();
  readonly applications = new Map<string, ApplicationRecord>();
  readonly imports = new Map<string, ImportRecord>();
  readonly events = new Map<string, EventRecord>();
  readonly requests = new Map<string, AccessRequestRecord>();
  counters: Counters = { personnelEvent: 0, applicationImport: 0, accessRequest: 0 };
  /** The import that holds the build slot (imports are built one at a time), starting or running. */
  importSlot: string | null = null;
  actors!: Actors;

  /** Ids of the personnel events and imports created through the API, oldest first (see retention.ts). */
  readonly createdEvents = new Set<string>();
  readonly createdImports = new Set<string>();

  private readonly sorted = new Map<Kind, unknown[]>();
  private usernameIndex: Set<string> | undefined;

  /** Every username taken (built on first use, then kept up to date by uniqueUsername). */
  usernames(): Set<string> {
    this.usernameIndex ??= new Set([...this.identities.values()].map((record) => record.username));
    return this.usernameIndex;
  }

  /** Records of a kind in their list order. The array is shared: do not change it. */
  ordered<K extends Kind>(kind: K): Records[K][] {
    let list = this.sorted.get(kind) as Records[K][] | undefined;
    if (!list) {
      list = [...(this[kind] as Map<string, Records[K]>).values()].sort(ORDER[kind]);
      this.sorted.set(kind, list);
    }
    return list;
  }

  /** Marks a list as needing a re-sort (after an insert or a change of its ordering key). */
  reorder(kind: Kind): void {
    this.sorted.delete(kind);
  }

  addIdentity(record: IdentityRecord) {
    this.identities.set(record.identity.id, record);
    this.reorder('identities');
  }

  addApplication(record: ApplicationRecord) {
    this.applications.set(record.application.id, record);
    this.reorder('applications');
  }

  addImport(record: ImportRecord) {
    this.imports.set(record.import.id, record);
    if (record.pace === 'fast') this.createdImports.add(record.import.id);
    this.reorder('imports');
  }

  addEvent(record: EventRecord) {
    this.events.set(record.event.id, record);
    if (record.pace === 'fast') this.createdEvents.add(record.event.id);
    this.reorder('events');
  }

  addRequest(record: AccessRequestRecord) {
    this.requests.set(record.request.id, record);
    this.reorder('requests');
  }

  removeIdentity(id: string) {
    const record = this.identities.get(id);
    if (!record) return;
    this.identities.delete(id);
    this.usernameIndex?.delete(record.username);
    this.reorder('identities');
  }

  removeImport(id: string) {
    this.imports.delete(id);
    this.createdImports.delete(id);
    this.reorder('imports');
  }

  removeEvent(id: string) {
    this.events.delete(id);
    this.createdEvents.delete(id);
    this.reorder('events');
  }

  removeRequest(id: string) {
    this.requests.delete(id);
    this.reorder('requests');
  }

  /** The next sequential number of a kind, above any number already taken. */
  next(counter: keyof Counters): number {
    this.counters[counter] += 1;
    return this.counters[counter];
  }

  counts() {
    return {
      identities: this.identities.size,
      applications: this.applications.size,
      applicationImports: this.imports.size,
      personnelEvents: this.events.size,
      accessRequests: this.requests.size,
    };
  }
}
