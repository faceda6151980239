// The people and systems that report and work on records: Permission Assist itself, the HR
// integration's token, the sandbox clients' API token (and who stages the examples' imports).
import { type SeedContext } from './context.js';

export function actors(ctx: SeedContext) {
  const { examples, random } = ctx;
  const system = examples.requests.map((r) => r.reporter).find((r) => r.name === 'Permission Assist') ?? { id: random.uuid(), name: 'Permission Assist' };
  const hrToken = examples.events[0]?.reporter ?? { id: random.uuid(), name: 'API Token - HR Integration' };
  const staged = examples.imports.find((i) => i.type === 'API' && i.createdBy);
  if (staged?.createdBy) ctx.stagedBy = staged.createdBy;
  ctx.engine.store.actors = { system, hrToken, apiToken: { id: random.uuid(), name: 'API Token - Sandbox' }, provisioners: [] };
}

