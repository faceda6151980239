// Sandbox time: it starts at the real time (or a chosen one) and runs with real time unless
// frozen; it can be moved forward, never back. Every timestamp the sandbox writes comes from it.
export interface ClockSnapshot {
  now: string;
  today: string;
  frozen: boolean;
}

export class SandboxClock {
  /** Sandbox time at the anchor, and the real time of the anchor. */
  private base: number;
  private anchor: number;
  private frozenAt: boolean;

  constructor(
    start: number,
    frozen = false,
    private readonly realNow: () => number = Date.now,
  ) {
    this.base = start;
    this.anchor = realNow();
    this.frozenAt = frozen;
  }

  now(): number {
    return this.frozenAt ? this.base : this.base + (this.realNow() - this.anchor);
  }

  get frozen(): boolean {
    return this.frozenAt;
  }

  /** Moves sandbox time to `time` (ignored if it is not later than now). */
  moveTo(time: number): void {
    if (time <= this.now()) return;
    this.base = time;
    this.anchor = this.realNow();
  }

  freeze(): void {
    this.base = this.now();
    this.frozenAt = true;
  }

  resume(): void {
    if (!this.frozenAt) return;
    this.anchor = this.realNow();
    this.frozenAt = false;
  }

  /** Puts the clock at `time`, frozen or running from now on (replaying the journal, freezing at a write's time). */
  set(time: number, frozen: boolean): void {
    this.base = time;
    this.anchor = this.realNow();
    this.frozenAt = frozen;
  }

  snapshot(): ClockSnapshot {
    const now = iso(this.now());
    return { now, today: now.slice(0, 10), frozen: this.frozenAt };
  }
}

// Both conversions run several times per write, mostly on the same second and the same few days:
// the last second's text and the recent days are remembered (a Date's toISOString and parse cost
// microseconds each, a tenth of a write).
const isoTexts = new Map<number, string>();
const dayStarts = new Map<string, number>();

/** An API timestamp: UTC, whole seconds, `Z` (as in every vendor sample). */
export function iso(time: number): string {
  const second = Math.floor(time / 1000);
  let text = isoTexts.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    if (isoTexts.size >= 4096) isoTexts.clear();
    isoTexts.set(second, text);
  }
  return text;
}

/** Midnight UTC of a YYYY-MM-DD day. */
export function startOfDay(day: string): number {
  let start = dayStarts.get(day);
  if (start === undefined) {
    start = Date.parse(`${day}T00:00:00Z`);
    if (dayStarts.size >= 4096) dayStarts.clear();
    dayStarts.set(day, start);
  }
  return start;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
