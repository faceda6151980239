// What a run created on its target, found in the exchanges themselves (every 2xx answer of a create
// operation), so nothing a case creates can be missed. Imports still Pending or Running at the end
// are canceled; personnel events cannot be canceled through the API and are listed for a person.
import type { Contract } from '@permission-assist/spec-kit';
import { parseBody } from './judge.js';
import type { Exchange } from './recorder.js';
import { serverRoot } from './server-root.js';
import type { Client } from './cases/types.js';

export interface CreatedRecord {
  /** The case whose request created it. */
  case: string;
  operationId: string;
  kind: 'Personnel Event' | 'Application Import';
  id: string;
  number?: number;
  /** Where the record reads back through the API. */
  link: string;
  /** What the clean-up at the end did, or why it left the record as it is. */
  cleanup: string;
}

const CREATES: Record<string, { kind: CreatedRecord['kind']; path: string }> = {
  createOnboardEvent: { kind: 'Personnel Event', path: '/api/personnel-events' },
  createOffboardEvent: { kind: 'Personnel Event', path: '/api/personnel-events' },
  createRoleTransitionEvent: { kind: 'Personnel Event', path: '/api/personnel-events' },
  createLeaveOfAbsenceEvent: { kind: 'Personnel Event', path: '/api/personnel-events' },
  stageApplicationImport: { kind: 'Application Import', path: '/api/application-imports' },
  uploadApplicationImport: { kind: 'Application Import', path: '/api/application-imports' },
};

export const EVENT_CLEANUP = 'left as it is: the API cannot cancel personnel events (cancel it in the web interface)';

export function createdRecords(caseName: string, exchanges: Exchange[], contract: Contract, baseUrl: string): CreatedRecord[] {
  const records: CreatedRecord[] = [];
  for (const exchange of exchanges) {
    if (exchange.method !== 'POST' || exchange.status < 200 || exchange.status >= 300) continue;
    const operationId = contract.match(exchange.method, new URL(exchange.url).pathname)?.operationId;
    const creates = operationId ? CREATES[operationId] : undefined;
    const body = parseBody(exchange) as { id?: unknown; number?: unknown } | null;
    if (!creates || !operationId || typeof body?.id !== 'string') continue;
    records.push({
      case: caseName,
      operationId,
      kind: creates.kind,
      id: body.id,
      ...(typeof body.number === 'number' ? { number: body.number } : {}),
      link: `${serverRoot(baseUrl)}${creates.path}/${encodeURIComponent(body.id)}`,
      cleanup: creates.kind === 'Personnel Event' ? EVENT_CLEANUP : 'not checked',
    });
  }
  return records;
}

/** Cancels every created import that is still Pending or Running (the vendor allows it there). */
export async function cleanUp(records: CreatedRecord[], pa: Client): Promise<void> {
  for (const record of records) {
    if (record.kind !== 'Application Import') continue;
    try {
      const current = await pa.applicationImports.get(record.id);
      if (current.status !== 'Pending' && current.status !== 'Running') {
        record.cleanup = `left as it is: already ${current.status}`;
        continue;
      }
      const canceled = await pa.applicationImports.cancel({ applicationImportId: record.id });
      record.cleanup = `canceled (was ${current.status}, now ${canceled.status})`;
    } catch (error) {
      record.cleanup = `could not cancel it: ${(error as Error).message}`;
    }
  }
}
