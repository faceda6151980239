// One kind of record in its list order, and its filtered views, kept up to date on write. A view is
// the records with given values of some filter fields (status=open&type=add), in list order; its
// length is the view's total. Every view of one combination of fields is built on the first read
// that asks for that combination (one walk), then a write only puts the records it touched in or
// out of their place (a binary search in each view of theirs), so neither a write nor a read walks
// the other records again. Nothing is built before the first read: seeding pays for no index.
import { ChunkedList, type Sequence } from './chunked-list.js';

export type Compare<R> = (a: R, b: R) => number;

/** A filter field's value of a record (already folded the way filters compare it), or null when the record has none. */
export type Field<R> = (record: R) => string | null;

const NONE: Sequence<never> = new ChunkedList<never>();

export class OrderedIndex<R> {
  /** Every record in list order; undefined until the first read (or after invalidate). */
  private all: ChunkedList<R> | undefined;
  /** Views by combination of fields (a bit per field) and then by the values of those fields. */
  private readonly views = new Map<number, Map<string, ChunkedList<R>>>();
  /** The field values each record was filed under, to find its old views after it changed. */
  private readonly filed = new Map<R, (string | null)[]>();

  constructor(
    private readonly records: () => Iterable<R>,
    private readonly order: Compare<R>,
    private readonly fields: readonly Field<R>[] = [],
  ) {}

  /** The records whose fields have these values (null: any value), in list order, as kept up to date on write. */
  list(values: readonly (string | null)[] = []): Sequence<R> {
    const all = this.built();
    let mask = 0;
    for (let field = 0; field < this.fields.length; field += 1) if (values[field] != null) mask |= 1 << field;
    if (mask === 0) return all;
    let views = this.views.get(mask);
    if (!views) {
      const grouped = new Map<string, R[]>();
      for (const record of all) {
        const key = keyOf(mask, this.filed.get(record)!);
        if (key === undefined) continue;
        let group = grouped.get(key);
        if (!group) grouped.set(key, (group = []));
        group.push(record);
      }
      views = new Map([...grouped].map(([key, group]) => [key, ChunkedList.of(group)]));
      this.views.set(mask, views);
    }
    return views.get(keyOf(mask, values)!) ?? NONE;
  }

  add(record: R): void {
    if (!this.all) return;
    const values = this.fields.map((field) => field(record));
    this.filed.set(record, values);
    this.all.insert(record, this.order);
    for (const [mask, views] of this.views) {
      const key = keyOf(mask, values);
      if (key === undefined) continue;
      let view = views.get(key);
      if (!view) views.set(key, (view = new ChunkedList()));
      view.insert(record, this.order);
    }
  }

  remove(record: R): void {
    if (!this.all) return;
    const values = this.filed.get(record);
    if (!values) return;
    this.filed.delete(record);
    this.all.remove(record, this.order);
    for (const [mask, views] of this.views) this.takeFrom(views, keyOf(mask, values), record);
  }

  /** After a change of a record's filter fields (its status): moves it to the views it now belongs to. */
  refile(record: R): void {
    if (!this.all) return;
    const before = this.filed.get(record);
    if (!before) return;
    const after = this.fields.map((field) => field(record));
    if (after.every((value, field) => value === before[field])) return;
    this.filed.set(record, after);
    for (const [mask, views] of this.views) {
      const from = keyOf(mask, before);
      const to = keyOf(mask, after);
      if (from === to) continue;
      this.takeFrom(views, from, record);
      if (to === undefined) continue;
      let view = views.get(to);
      if (!view) views.set(to, (view = new ChunkedList()));
      view.insert(record, this.order);
    }
  }

  /** Changes a record's ordering key (a name, a build start): taken out under the old key, put back under the new. */
  reposition(record: R, change: () => void): void {
    if (!this.all || !this.filed.has(record)) return change();
    this.remove(record);
    change();
    this.add(record);
  }

  /** Forgets the order and every view (rebuilt on the next read): after changes made without reposition. */
  invalidate(): void {
    this.all = undefined;
    this.views.clear();
    this.filed.clear();
  }

  private built(): ChunkedList<R> {
    if (!this.all) {
      const sorted = [...this.records()].sort(this.order);
      for (const record of sorted) this.filed.set(record, this.fields.map((field) => field(record)));
      this.all = ChunkedList.of(sorted);
    }
    return this.all;
  }

  private takeFrom(views: Map<string, ChunkedList<R>>, key: string | undefined, record: R): void {
    if (key === undefined) return;
    const view = views.get(key);
    if (!view) return;
    view.remove(record, this.order);
    if (view.length === 0) views.delete(key);
  }
}

/** The key of a view: the combination and the values of its fields; undefined when a value is missing (the record is in no such view). */
function keyOf(mask: number, values: readonly (string | null)[]): string | undefined {
  let key = String(mask);
  for (let field = 0; 1 << field <= mask; field += 1) {
    if (!(mask & (1 << field))) continue;
    const value = values[field];
    if (value == null) return undefined;
    key += `\u0000${value}`;
  }
  return key;
}
