// Correlation ids (the X-Request-Id of every answer) come from a pool of random bytes refilled in
// bulk: each must still be 32 hex digits and never repeat, across refills of the pool.
import { describe, expect, it } from 'vitest';
import { newCorrelationId } from '../src/http/errors.js';

describe('correlation ids', () => {
  it('are 32 lower-case hex digits, distinct across several refills of the pool', () => {
    const ids = Array.from({ length: 2000 }, newCorrelationId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
