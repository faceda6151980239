// A sorted list held in chunks of a few hundred records. A write puts a record in (or takes one
// out of) one chunk, so it moves at most a chunk's records; one flat array of every record would
// move thousands per write (V8 moves an object array's elements one by one), and a new record
// usually goes near the front of a newest-first list. Reading a page walks the chunks to it.
import type { Compare } from './ordered-index.js';

/** A chunk is split in two past this many records. */
const MOST = 512;

/** What a list's readers get: its length, a page of it, and every record in order. */
export interface Sequence<R> extends Iterable<R> {
  readonly length: number;
  /** Records from `from` (included) to `to` (excluded), as an array of their own. */
  slice(from: number, to: number): R[];
  map<T>(each: (record: R) => T): T[];
}

export class ChunkedList<R> implements Sequence<R> {
  private chunks: R[][] = [];
  length = 0;

  /** A list of records already in order. */
  static of<R>(sorted: readonly R[]): ChunkedList<R> {
    const list = new ChunkedList<R>();
    for (let from = 0; from < sorted.length; from += MOST / 2) list.chunks.push(sorted.slice(from, from + MOST / 2));
    list.length = sorted.length;
    return list;
  }

  /** Puts a record after every record that sorts before or with it. */
  insert(record: R, order: Compare<R>): void {
    if (this.chunks.length === 0) {
      this.chunks.push([record]);
      this.length = 1;
      return;
    }
    // The first chunk whose last record sorts after the new one (else the last chunk).
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.chunks[middle]!;
      if (order(chunk[chunk.length - 1]!, record) <= 0) low = middle + 1;
      else high = middle;
    }
    const chunk = this.chunks[low]!;
    chunk.splice(upperBound(chunk, record, order), 0, record);
    this.length += 1;
    if (chunk.length > MOST) this.chunks.splice(low + 1, 0, chunk.splice(chunk.length >>> 1));
  }

  /** Takes a record out, found by its ordering key (every order of the sandbox ends in a unique key); false when it is not there. */
  remove(record: R, order: Compare<R>): boolean {
    let low = 0;
    let high = this.chunks.length;
    // The first chunk whose last record does not sort before it.
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.chunks[middle]!;
      if (order(chunk[chunk.length - 1]!, record) < 0) low = middle + 1;
      else high = middle;
    }
    for (let c = low; c < this.chunks.length; c += 1) {
      const chunk = this.chunks[c]!;
      let index = lowerBound(chunk, record, order);
      for (; index < chunk.length && order(chunk[index]!, record) === 0; index += 1) {
        if (chunk[index] === record) return this.cut(c, index);
      }
      if (index < chunk.length) break;
    }
    // Not where its key says: its ordering key changed without a reposition. Correct over fast.
    for (let c = 0; c < this.chunks.length; c += 1) {
      const index = this.chunks[c]!.indexOf(record);
      if (index >= 0) return this.cut(c, index);
    }
    return false;
  }

  slice(from: number, to: number): R[] {
    const out: R[] = [];
    let start = 0;
    for (const chunk of this.chunks) {
      if (start >= to) break;
      const end = start + chunk.length;
      if (end > from) out.push(...chunk.slice(Math.max(0, from - start), Math.min(chunk.length, to - start)));
      start = end;
    }
    return out;
  }

  map<T>(each: (record: R) => T): T[] {
    const out: T[] = [];
    for (const chunk of this.chunks) for (const record of chunk) out.push(each(record));
    return out;
  }

  *[Symbol.iterator](): Iterator<R> {
    for (const chunk of this.chunks) yield* chunk;
  }

  private cut(c: number, index: number): true {
    const chunk = this.chunks[c]!;
    chunk.splice(index, 1);
    this.length -= 1;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    return true;
  }
}

/** The first place in a sorted chunk after every record that sorts before or with `record`. */
function upperBound<R>(chunk: readonly R[], record: R, order: Compare<R>): number {
  let low = 0;
  let high = chunk.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(chunk[middle]!, record) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first place in a sorted chunk whose record does not sort before `record`. */
function lowerBound<R>(chunk: readonly R[], record: R, order: Compare<R>): number {
  let low = 0;
  let high = chunk.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(chunk[middle]!, record) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
