// Answers of the read operations, serialised once per state version. Every change of the records
// (a write or a workflow step) bumps Sandbox.version; until the next one, the same list page or
// record is the same JSON text. A read therefore costs a lookup, not a render and a JSON.stringify
// (the filtered lists a page is cut from are the store's, kept up to date on write).
import type { Sandbox } from '../sandbox.js';
import type { Store } from '../store.js';
import type { Reply } from './types.js';

/** Distinct answers kept per version (a client walking many filters cannot grow it without bound). */
const MAX_ENTRIES = 4096;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export class ReadCache {
  private version = -1;
  private store: Store | undefined;
  private readonly answers = new Map<string, string>();

  constructor(private readonly sandbox: Sandbox) {}

  /** The JSON answer under `key` for the current version, built by `build` on first use. */
  answer(key: string, build: () => unknown): Reply {
    this.sync();
    let text = this.answers.get(key);
    if (text === undefined) {
      text = JSON.stringify(build());
      if (this.answers.size >= MAX_ENTRIES) this.answers.clear();
      this.answers.set(key, text);
    }
    return { status: 200, body: text, headers: JSON_HEADERS };
  }

  private sync(): void {
    if (this.version === this.sandbox.version && this.store === this.sandbox.store) return;
    this.version = this.sandbox.version;
    this.store = this.sandbox.store;
    this.answers.clear();
  }
}
