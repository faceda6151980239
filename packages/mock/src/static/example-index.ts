// What --static knows of the spec's example data set (read by the sandbox's seed/examples.ts): a
// GET by id answers the example record with that id, another id is "not found", as a real server
// would say; so is a request body that refers to a record the examples do not have.
import { deref, listOperations } from '@permission-assist/spec/load';
import { readExamples } from '../sandbox/seed/examples.js';

export interface ByIdRoute {
  regex: RegExp;
  kind: string;
  /** named examples of this operation's 200 response, by record id */
  examples: Map<string, string>;
}

export interface ExampleIndex {
  byIdRoutes: ByIdRoute[];
  /** kind -> id -> record */
  records: Map<string, Map<string, Record<string, unknown>>>;
  /** request body field (`identityId`) -> kind (`Identity`) */
  referenceFields: Map<string, string>;
}

/** `Personnel Event` -> the vendor's wording in "<Resource> with id <id> not found". */
export const label = (kind: string) => kind[0] + kind.slice(1).toLowerCase();

export function indexExamples(spec: any): ExampleIndex {
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

  const byIdRoutes: ByIdRoute[] = [];
  for (const { section, path, method, operation } of listOperations(spec)) {
    if (section !== 'paths' || method !== 'get' || !/\{id\}$/.test(path)) continue;
    const named = new Map<string, string>();
    let kind = '';
    for (const [name, example] of Object.entries<any>(operation.responses['200']?.content?.['application/json']?.examples ?? {})) {
      const value = deref(spec, example).value;
      if (typeof value?.id === 'string') named.set(value.id.toLowerCase(), name);
      if (typeof value?.kind === 'string') kind = value.kind;
    }
    byIdRoutes.push({ regex: new RegExp(`^${path.replace('{id}', '([^/]+)')}$`), kind, examples: named });
  }
  return { byIdRoutes, records, referenceFields };
}
