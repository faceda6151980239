// How much a long-running sandbox keeps of what clients create. Every personnel event and import
// made through the API is kept until RETENTION of its kind exist; then the oldest goes, and with an
// event go its access requests and the identity its onboarding created. The seeded data set is never
// dropped. Without this, a load test or a long-lived dev sandbox grows without bound (100,000
// onboardings took the process from 124 to 334 MB).
import type { Engine } from './engine.js';

export const RETENTION = { personnelEvents: 5000, applicationImports: 5000 } as const;

/** Drops the oldest API-created records beyond RETENTION. Deterministic: replay drops the same ones. */
export function retain(engine: Engine): void {
  const { store } = engine;
  let dropped = false;
  while (store.createdEvents.size > RETENTION.personnelEvents) {
    const id = store.createdEvents.oldest()!;
    const event = store.events.get(id);
    if (event) {
      for (const requestId of [...event.requestIds, ...event.deferredIds]) store.removeRequest(requestId);
      if (event.event.type === 'Onboard' && event.identityId) store.removeIdentity(event.identityId);
    }
    store.removeEvent(id);
    dropped = true;
  }
  while (store.createdImports.size > RETENTION.applicationImports) {
    // The import holding the build slot stays until its build ends, so the queue never stalls.
    let id: string | undefined;
    for (const candidate of store.createdImports) {
      if (candidate === store.importSlot) continue;
      id = candidate;
      break;
    }
    if (id === undefined) break;
    store.removeImport(id);
    dropped = true;
  }
  // Steps of dropped records would do nothing when due; clear them before they pile up.
  if (dropped && engine.pendingCount() > 4 * (store.events.size + store.requests.size + store.imports.size)) {
    engine.prune((step) => stepTarget(engine, step.action, step.id));
  }
}

function stepTarget(engine: Engine, action: string, id: string): boolean {
  const { store } = engine;
  if (action.startsWith('event.')) return store.events.has(id);
  if (action.startsWith('request.')) return store.requests.has(id);
  if (action.startsWith('import.')) return store.imports.has(id);
  return true;
}
