// Seeded randomness (pure-rand's xoroshiro128+): the same seed gives the same data set, and the
// generator's state is saved with the sandbox so ids stay deterministic across restarts.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  static fromSeed(seed: number): Random {
    return new Random(xoroshiro128plus(seed));
  }

  static fromState(state: readonly number[]): Random {
    return new Random(xoroshiro128plusFromState(state));
  }

  state(): number[] {
    return [...this.rng.getState()];
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A number from 0 (included) to 1 (excluded). */
  fraction(): number {
    return this.int(0, 2 ** 30 - 1) / 2 ** 30;
  }

  chance(probability: number): boolean {
    return this.fraction() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.fraction() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
    return out;
  }

  /** A duration from min to max ms, skewed towards min (a long tail, like real work queues). */
  duration(min: number, max: number): number {
    return Math.round(min + (max - min) * this.fraction() ** 2);
  }

  /** A version 4 GUID. The draws (variant first, then the groups left to right) are part of the seed's promise: keep their order. */
  uuid(): string {
    const variant = 8 + this.int(0, 3);
    const a = this.int(0, 0xffffffff);
    const b = this.int(0, 0xffff);
    const c = this.int(0, 0xfff);
    const d = this.int(0, 0xfff);
    const e = this.int(0, 0xffffff);
    const f = this.int(0, 0xffffff);
    return `${hex(a, 8)}-${hex(b, 4)}-4${hex(c, 3)}-${HEX_DIGITS[variant]}${hex(d, 3)}-${hex(e, 6)}${hex(f, 6)}`;
  }
}

const HEX_DIGITS = '0123456789abcdef';
/** Every byte as two lower-case hex digits. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Every 12-bit value as three lower-case hex digits. */
const TRIPLE_HEX = Array.from({ length: 4096 }, (_, value) => value.toString(16).padStart(3, '0'));

/**
 * `value` (at most `digits` hex digits long) in `digits` lower-case hex digits, zero-padded. From
 * tables, since Number#toString(16) made the hex of a GUID a fifth of creating a record.
 */
function hex(value: number, digits: 3 | 4 | 6 | 8): string {
  switch (digits) {
    case 3:
      return TRIPLE_HEX[value]!;
    case 4:
      return BYTE_HEX[value >>> 8]! + BYTE_HEX[value & 0xff]!;
    case 6:
      return TRIPLE_HEX[value >>> 12]! + TRIPLE_HEX[value & 0xfff]!;
    case 8:
      return BYTE_HEX[value >>> 24]! + BYTE_HEX[(value >>> 16) & 0xff]! + BYTE_HEX[(value >>> 8) & 0xff]! + BYTE_HEX[value & 0xff]!;
  }
}
