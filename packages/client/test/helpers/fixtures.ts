// Response bodies for tests, taken from the spec's own examples so they stay valid as the spec changes.
import { loadSpec } from '@permission-assist/spec/load';

const examples = loadSpec().components.examples;

export const sarahChen = examples.IdentitySarahChen.value;
export const offboardEvent = examples.PersonnelEventOffboard.value;
export const stagedImport = examples.ImportJackHenryStaged.value;
export const TOKEN = 'pa_abc123def456secretTOKEN';

export function page<T>(items: T[], pageNumber: number, totalCount: number) {
  return { items, totalCount, page: pageNumber, pageSize: 50, totalPages: Math.ceil(totalCount / 50) };
}
