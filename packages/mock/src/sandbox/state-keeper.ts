// Keeps a sandbox's state in a --state file: every write is appended to the journal and made
// durable before it is answered; the journal is folded into the snapshot now and then, never on a
// request's path.
//
// Group commit: writes made while a flush is on its way wait for the next one, and each flush is
// one write() and one fdatasync() for all of them, so many concurrent writers share the cost of a
// disk flush instead of queueing behind one each. Compaction writes a new snapshot (temporary file,
// fsync, rename, directory fsync) holding every write so far, then empties the journal; a crash at
// any point leaves a snapshot plus a journal whose entries it does not hold yet (entries the snapshot
// already holds are skipped by sequence number on load).
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { encodeEntry, JournalFile, journalPath, syncDirectory } from './journal.js';
import type { SandboxState } from './persistence.js';
import type { JournalEntry, Sandbox } from './sandbox.js';

export interface StateKeeperOptions {
  /** Fold the journal into the snapshot once it holds this many bytes. */
  compactBytes?: number;
  /** Save the snapshot this long after a change that is not journaled (the webhook delivery log). */
  logDelayMs?: number;
  onError?: (error: Error) => void;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class StateKeeper {
  private readonly journal: JournalFile;
  private readonly compactBytes: number;
  private readonly logDelayMs: number;
  private readonly onError: (error: Error) => void;
  /** Encoded entries not on disk yet, with the sequence number of each. */
  private pending: { seq: number; line: string }[] = [];
  private durableSeq: number;
  private waiters: Waiter[] = [];
  private running: Promise<void> | undefined;
  private compactDue = false;
  private logTimer: ReturnType<typeof setTimeout> | undefined;
  private failure: Error | undefined;
  private closed = false;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly path: string,
    private readonly sandbox: Sandbox,
    private readonly snapshot: () => SandboxState,
    options: StateKeeperOptions = {},
  ) {
    this.compactBytes = options.compactBytes ?? 8 * 1024 * 1024;
    this.logDelayMs = options.logDelayMs ?? 5000;
    this.onError = options.onError ?? (() => undefined);
    this.durableSeq = sandbox.seq;
    // Start from a snapshot holding everything (the fresh data set, or what was just replayed) and an empty journal.
    this.writeSnapshotSync();
    this.journal = new JournalFile(journalPath(path));
    this.journal.clear();
    this.unsubscribe = [sandbox.onWrite((entry) => this.append(entry)), sandbox.onLogChange(() => this.logChanged())];
    sandbox.committed = () => this.durable(sandbox.seq);
  }

  /** Resolves once every write up to `seq` is on disk; rejects if the journal cannot be written; undefined if it already is. */
  durable(seq: number): Promise<void> | undefined {
    if (seq <= this.durableSeq) return undefined;
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Waits for pending writes, folds the journal into the snapshot and closes the files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe.forEach((stop) => stop());
    if (this.logTimer) clearTimeout(this.logTimer);
    await this.running;
    try {
      this.writeSnapshotSync();
      this.journal.clear();
      this.settle(this.sandbox.seq);
    } catch (error) {
      this.onError(error as Error);
    } finally {
      this.journal.close();
    }
  }

  private append(entry: JournalEntry): void {
    this.pending.push({ seq: entry.seq, line: encodeEntry(entry) });
    if (entry.command.op === 'reset') this.compactDue = true;
    this.kick();
  }

  private logChanged(): void {
    if (this.logTimer || this.closed) return;
    this.logTimer = setTimeout(() => {
      this.logTimer = undefined;
      this.compactDue = true;
      this.kick();
    }, this.logDelayMs);
    this.logTimer.unref();
  }

  private kick(): void {
    // setImmediate: writes made in this turn of the event loop join the same flush.
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.run());
  }

  private async run(): Promise<void> {
    try {
      while (!this.failure && (this.pending.length > 0 || this.compactDue)) {
        if (this.compactDue || this.journal.bytes >= this.compactBytes) await this.compact();
        else await this.flush();
      }
    } finally {
      this.running = undefined;
      if (!this.failure && this.pending.length > 0) this.kick();
    }
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.journal.append(batch.map((entry) => entry.line).join(''));
      this.settle(batch[batch.length - 1]!.seq);
    } catch (error) {
      // The writes are in memory but not on disk: their requests fail instead of being acknowledged.
      this.failure = new Error(`the sandbox could not write its journal ${this.journal.path}: ${(error as Error).message}`);
      this.onError(this.failure);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    }
  }

  private async compact(): Promise<void> {
    this.compactDue = false;
    const upTo = this.sandbox.seq;
    const covered = this.pending.length;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      const text = JSON.stringify(this.snapshot());
      const file = await open(temporary, 'w');
      try {
        await file.writeFile(text);
        await file.datasync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
      syncDirectory(this.path);
      this.pending.splice(0, covered);
      this.journal.clear();
      this.settle(upTo);
    } catch (error) {
      // The journal still holds every write: report, and try again at the next trigger.
      this.onError(new Error(`the sandbox could not write its state file ${this.path}: ${(error as Error).message}`));
    }
  }

  private writeSnapshotSync(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify(this.snapshot()));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.path);
    syncDirectory(this.path);
  }

  private settle(seq: number): void {
    if (seq > this.durableSeq) this.durableSeq = seq;
    const ready = this.waiters.filter((waiter) => waiter.seq <= this.durableSeq);
    this.waiters = this.waiters.filter((waiter) => waiter.seq > this.durableSeq);
    for (const waiter of ready) waiter.resolve();
  }
}
