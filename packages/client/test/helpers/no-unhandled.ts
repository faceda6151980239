// Fails the test file if any promise rejection goes unhandled while it runs.
import { afterAll, beforeAll, expect } from 'vitest';

export function failOnUnhandledRejections() {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', record);
    expect(seen).toEqual([]);
  });
}
