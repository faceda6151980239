// The sandbox's tables: one Map per kind of record, each list in its fixed order and its filtered
// views (ordered-index.ts), built on the first read and then kept up to date on write: a new record
// is put in its place (a binary search), a dropped one taken out, a record whose status changed
// moved between views, one whose ordering key changed (a name, a build start) repositioned. Neither
// a write nor reading a page costs a sort or a walk over the other records.
import type { Sequence } from './chunked-list.js';
import { CreationOrder } from './creation-order.js';
import { OrderedIndex } from './ordered-index.js';
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

/** The filter fields of each list, folded the way its filters compare them (see api/reads.ts). */
const fold = (value: string) => value.replace(/\s+/g, '').toLowerCase();
export const FILTERS = {
  events: [(r: EventRecord) => r.identityId, (r: EventRecord) => fold(r.event.type), (r: EventRecord) => r.event.status.toLowerCase()],
  requests: [
    (r: AccessRequestRecord) => r.target.identityId,
    (r: AccessRequestRecord) => r.target.applicationId,
    (r: AccessRequestRecord) => r.request.status.toLowerCase(),
    (r: AccessRequestRecord) => r.request.action.toLowerCase(),
  ],
  imports: [(r: ImportRecord) => r.applicationId],
} as const;

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

  private readonly indexes: { [K in Kind]: OrderedIndex<Records[K]> } = {
    identities: new OrderedIndex(() => this.identities.values(), ORDER.identities),
    applications: new OrderedIndex(() => this.applications.values(), ORDER.applications),
    imports: new OrderedIndex(() => this.imports.values(), ORDER.imports, FILTERS.imports),
    events: new OrderedIndex(() => this.events.values(), ORDER.events, FILTERS.events),
    requests: new OrderedIndex(() => this.requests.values(), ORDER.requests, FILTERS.requests),
  };
  private usernameIndex: Set<string> | undefined;

  /** Every username taken (built on first use, then kept up to date by uniqueUsername). */
  usernames(): Set<string> {
    this.usernameIndex ??= new Set([...this.identities.values()].map((record) => record.username));
    return this.usernameIndex;
  }

  /** Records of a kind in their list order (kept up to date on write). */
  ordered<K extends Kind>(kind: K): Sequence<Records[K]> {
    return this.indexes[kind].list() as Sequence<Records[K]>;
  }

  /**
   * Records of a kind whose filter fields (FILTERS[kind], in that order) have the given values
   * (null: any), in list order; kept up to date on write.
   */
  filtered<K extends keyof typeof FILTERS>(kind: K, values: readonly (string | null)[]): Sequence<Records[K]> {
    return this.indexes[kind].list(values) as Sequence<Records[K]>;
  }

  /** After a change of a record's filter fields (a status, an event's identity): moves it between the filtered lists. */
  refiled<K extends keyof typeof FILTERS>(kind: K, record: Records[K]): void {
    (this.indexes[kind] as OrderedIndex<Records[K]>).refile(record);
  }

  /** Changes a record's ordering key (a name, a build start) and moves it to its new place. */
  reposition<K extends Kind>(kind: K, record: Records[K], change: () => void): void {
    (this.indexes[kind] as OrderedIndex<Records[K]>).reposition(record, change);
  }

  /** Forgets a list's order (re-sorted on the next read): after changes of ordering keys made in bulk (seeding). */
  reorder(kind: Kind): void {
    this.indexes[kind].invalidate();
  }

  addIdentity(record: IdentityRecord) {
    this.identities.set(record.identity.id, record);
    this.indexes.identities.add(record);
  }

  addApplication(record: ApplicationRecord) {
    this.applications.set(record.application.id, record);
    this.indexes.applications.add(record);
  }

  addImport(record: ImportRecord) {
    this.imports.set(record.import.id, record);
    if (record.pace === 'fast') this.createdImports.add(record.import.id);
    this.indexes.imports.add(record);
  }

  addEvent(record: EventRecord) {
    this.events.set(record.event.id, record);
    if (record.pace === 'fast') this.createdEvents.add(record.event.id);
    this.indexes.events.add(record);
  }

  addRequest(record: AccessRequestRecord) {
    this.requests.set(record.request.id, record);
    this.indexes.requests.add(record);
  }

  removeIdentity(id: string) {
    const record = this.identities.get(id);
    if (!record) return;
    this.identities.delete(id);
    this.usernameIndex?.delete(record.username);
    this.indexes.identities.remove(record);
  }

  removeImport(id: string) {
    const record = this.imports.get(id);
    if (record) this.indexes.imports.remove(record);
    this.imports.delete(id);
    this.createdImports.delete(id);
  }

  removeEvent(id: string) {
    const record = this.events.get(id);
    if (record) this.indexes.events.remove(record);
    this.events.delete(id);
    this.createdEvents.delete(id);
  }

  removeRequest(id: string) {
    const record = this.requests.get(id);
    if (record) this.indexes.requests.remove(record);
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
