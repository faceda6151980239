// How long each workflow step takes. Records created through the API use fixed, short delays, so
// a test or a developer sees a whole flow in about a minute (and can rely on the figures, which the
// mock README lists); the seeded history uses drawn, long-tailed delays like a real organisation's.
import { DAY, HOUR, MINUTE, SECOND } from '../clock.js';
import type { Pace } from '../model.js';
import type { Random } from '../random.js';

export type Delay =
  | 'eventApproval'
  | 'eventVerification'
  | 'requestApproval'
  | 'requestProvisioning'
  | 'requestVerification'
  | 'importQueue'
  | 'importBuild'
  | 'importCancel';

/** Delays of records created through the API (sandbox time). */
export const FAST: Record<Delay, number> = {
  eventApproval: 30 * SECOND,
  eventVerification: 20 * SECOND,
  requestApproval: 30 * SECOND,
  requestProvisioning: 45 * SECOND,
  requestVerification: 20 * SECOND,
  importQueue: 1 * SECOND,
  importBuild: 4 * SECOND,
  importCancel: 1 * SECOND,
};

/** Ranges of the seeded history: [shortest, longest]; most fall near the short end. */
const HISTORICAL: Record<Delay, [number, number]> = {
  eventApproval: [2 * HOUR, 3 * DAY],
  eventVerification: [1 * HOUR, 2 * DAY],
  requestApproval: [1 * HOUR, 5 * DAY],
  requestProvisioning: [1 * HOUR, 21 * DAY],
  requestVerification: [1 * HOUR, 2 * DAY],
  importQueue: [1 * MINUTE, 10 * MINUTE],
  importBuild: [4 * MINUTE, 40 * MINUTE],
  importCancel: [30 * SECOND, 5 * MINUTE],
};

export function delay(kind: Delay, pace: Pace, random: Random): number {
  if (pace === 'fast') return FAST[kind];
  const [min, max] = HISTORICAL[kind];
  return random.duration(min, max);
}
