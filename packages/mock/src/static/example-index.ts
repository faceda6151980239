// What --static knows of the spec's example data set (read by the sandbox's seed/examples.ts): a
// GET by id answers the example record with that id, another id is "not found", as a real server
// would say; so is a request body that refers to a record the examples do not have.
import { deref, listOperations, type ExampleObject, type OpenApiDocument, type ResponseObject } from '@permission-assist/spec-kit';
import { readExamples } from '../sandbox/seed/examples.js';

export interface ByIdRoute {
  kind: string;
  /** named examples of this operation's 200 response, by record id */
  examples: Map<string, string>;
}

export interface ExampleIndex {
  /** GET-by-id operations, by path template (the router's `route.template`). */
  byIdRoutes: Map<string, ByIdRoute>;
  /** kind -> id -> record */
  records: Map<string, Map<string, Record<string, unknown>>>;
  /** request body field (`identityId`) -> kind (`Identity`) */
  referenceFields: Map<string, string>;
}

/** `Personnel Event` -> the vendor's wording in "<Resource> with id <id> not found". */
export const label = (kind: string) => kind[0] + kind.slice(1).toLowerCase();

export function indexExamples(spec: OpenApiDocument): ExampleIndex {
  const examples = readExamples(spec);
  const records: ExampleIndex['records'] = new Map();
  const kinds: [string, { id: string }[]][] = [
    ['Identity', examples.identities],
    ['Application', examples.applications],
    ['Application Import', examples.imports],
    ['Personnel Event', examples.events],
    ['Access Request', examples.requests],
  ];
  for (const [kind, list] of kinds) records.set(kind, new Map(list.map((record) => [record.id.toLowerCase(), record as unknown as Record<string, unknown>])));
  // identityId -> Identity, applicationImportId -> Application Import: field names follow the kinds.
  const referenceFields = new Map(kinds.map(([kind]) => [`${kind.split(' ').map((w, i) => (i === 0 ? w.toLowerCase() : w)).join('')}Id`, kind]));

  const byIdRoutes: ExampleIndex['byIdRoutes'] = new Map();
  for (const { section, path, method, operation } of listOperations(spec)) {
    if (section !== 'paths' || method !== 'get' || !/\{id\}$/.test(path)) continue;
    const named = new Map<string, string>();
    let kind = '';
    const ok = deref<ResponseObject>(spec, operation.responses?.['200']);
    for (const [name, example] of Object.entries(ok?.content?.['application/json']?.examples ?? {})) {
      const value: unknown = deref<ExampleObject>(spec, example).value;
      const record = value !== null && typeof value === 'object' ? (value as { id?: unknown; kind?: unknown }) : {};
      if (typeof record.id === 'string') named.set(record.id.toLowerCase(), name);
      if (typeof record.kind === 'string') kind = record.kind;
    }
    byIdRoutes.set(path, { kind, examples: named });
  }
  return { byIdRoutes, records, referenceFields };
}
