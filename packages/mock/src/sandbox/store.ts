// The sandbox's tables: one Map per kind of record, and each list's fixed order. A new record is
// put in its place in the sorted list (a binary search) and a dropped one taken out; a list is
// re-sorted, lazily, only after a change of a record's ordering key (a changed name, a build start),
// so neither a write nor reading a page costs a sort.
import { CreationOrder } from './creation-order.js';
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
  readonly createdEvents = new CreationOrder();
  readonly createdImports = new CreationOrder();

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

  /** Marks a list as needing a re-sort (after a change of a record's ordering key). */
  reorder(kind: Kind): void {
    this.sorted.delete(kind);
  }

  /** Puts a new record in its place in a sorted list, if there is one (a binary search, not a re-sort). */
  private placed<K extends Kind>(kind: K, record: Records[K]): void {
    const list = this.sorted.get(kind) as Records[K][] | undefined;
    if (!list) return;
    const order = ORDER[kind];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(list[middle]!, record) <= 0) low = middle + 1;
      else high = middle;
    }
    list.splice(low, 0, record);
  }

  /** Takes a record out of a sorted list, if there is one. */
  private unplaced(kind: Kind, record: unknown): void {
    const list = this.sorted.get(kind);
    if (!list) return;
    const index = list.indexOf(record);
    if (index >= 0) list.splice(index, 1);
  }

  addIdentity(record: IdentityRecord) {
    this.identities.set(record.identity.id, record);
    this.placed('identities', record);
  }

  addApplication(record: ApplicationRecord) {
    this.applications.set(record.application.id, record);
    this.placed('applications', record);
  }

  addImport(record: ImportRecord) {
    this.imports.set(record.import.id, record);
    if (record.pace === 'fast') this.createdImports.add(record.import.id);
    this.placed('imports', record);
  }

  addEvent(record: EventRecord) {
    this.events.set(record.event.id, record);
    if (record.pace === 'fast') this.createdEvents.add(record.event.id);
    this.placed('events', record);
  }

  addRequest(record: AccessRequestRecord) {
    this.requests.set(record.request.id, record);
    this.placed('requests', record);
  }

  removeIdentity(id: string) {
    const record = this.identities.get(id);
    if (!record) return;
    this.identities.delete(id);
    this.usernameIndex?.delete(record.username);
    this.unplaced('identities', record);
  }

  removeImport(id: string) {
    this.unplaced('imports', this.imports.get(id));
    this.imports.delete(id);
    this.createdImports.delete(id);
  }

  removeEvent(id: string) {
    this.unplaced('events', this.events.get(id));
    this.events.delete(id);
    this.createdEvents.delete(id);
  }

  removeRequest(id: string) {
    this.unplaced('requests', this.requests.get(id));
    this.requests.delete(id);
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
