// Response bodies for tests, taken from the spec's own examples so they stay valid as the spec changes.
import { componentExample, loadSpec } from '@permission-assist/spec-kit';
import type { ApplicationImport, Identity, PersonnelEvent } from '../../src/index.js';

const spec = loadSpec();

export const sarahChen = componentExample(spec, 'IdentitySarahChen') as Identity;
export const offboardEvent = componentExample(spec, 'PersonnelEventOffboard') as PersonnelEvent;
export const stagedImport = componentExample(spec, 'ImportJackHenryStaged') as ApplicationImport;
export const TOKEN = 'pa_abc123def456secretTOKEN';

export function page<T>(items: T[], pageNumber: number, totalCount: number) {
  return { items, totalCount, page: pageNumber, pageSize: 50, totalPages: Math.ceil(totalCount / 50) };
}
