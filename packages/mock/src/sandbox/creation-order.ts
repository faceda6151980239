// Ids in the order they were added, for the retention (retention.ts), which drops the oldest on
// every write once a kind is full. A Set is not enough: V8 leaves a deleted entry in place until the
// table is rebuilt, so finding a Set's first entry after many deletions from its front walks every
// one of them (5 µs a write at 5,000 records). Here the oldest is found in constant time.
export class CreationOrder implements Iterable<string> {
  private ids: string[] = [];
  private head = 0;
  /** Where each present id is in `ids`; a slot whose id maps elsewhere (or nowhere) is a hole. */
  private readonly slots = new Map<string, number>();

  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  add(id: string): void {
    if (this.slots.has(id)) return;
    this.slots.set(id, this.ids.length);
    this.ids.push(id);
  }

  delete(id: string): boolean {
    return this.slots.delete(id);
  }

  /** The oldest id still present. */
  oldest(): string | undefined {
    this.skipHoles();
    return this.ids[this.head];
  }

  *[Symbol.iterator](): Iterator<string> {
    this.skipHoles();
    for (let index = this.head; index < this.ids.length; index += 1) {
      const id = this.ids[index]!;
      if (this.slots.get(id) === index) yield id;
    }
  }

  private skipHoles(): void {
    while (this.head < this.ids.length && this.slots.get(this.ids[this.head]!) !== this.head) this.head += 1;
    // Compact once the holes at the front are the larger part, so memory follows the live ids.
    if (this.head > 1024 && this.head * 2 > this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.head = 0;
      this.ids.forEach((id, index) => this.slots.set(id, index));
    }
  }
}
