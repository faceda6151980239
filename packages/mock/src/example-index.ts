// The mock knows the spec's example data set: every record (an object with `kind` and `id`) found
// in any example. A GET by id answers that record, and an id that is not in the data set is
// "not found", as a real server would say; so is a request body that refers to an unknown record.
import { deref, listOperations } from '@permission-assist/spec/load';
import { resourceNames } from '@permission-assist/spec/sdk-names';

export interface ByIdRoute {
  regex: RegExp;
  kind: string;
  /** named examples of this operation, by record id */
  examples: Map<string, string>;
}

export interface ExampleIndex {
  byIdRoutes: ByIdRoute[];
  /** kind -> id -> the fullest record with that id */
  records: Map<string, Map<string, Record<string, unknown>>>;
  /** request body field (`identityId`) -> kind (`Identity`) */
  referenceFields: Map<string, string>;
}

/** `Personnel event` -> the vendor's wording in "<Resource> with id <id> not found". */
export const label = (kind: string) => kind[0] + kind.slice(1).toLowerCase();

function collectRecords(node: unknown, records: ExampleIndex['records']) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => collectRecords(child, records));
  const { kind, id } = node as { kind?: unknown; id?: unknown };
  if (typeof kind === 'string' && typeof id === 'string') {
    const byId = records.get(kind) ?? new Map();
    const current = byId.get(id.toLowerCase());
    if (!current || Object.keys(node).length > Object.keys(current).length) byId.set(id.toLowerCase(), node as Record<string, unknown>);
    records.set(kind, byId);
  }
  Object.values(node).forEach((child) => collectRecords(child, records));
}

export function indexExamples(spec: any): ExampleIndex {
  const records: ExampleIndex['records'] = new Map();
  collectRecords(spec.components?.examples, records);
  for (const { operation } of listOperations(spec)) {
    for (const response of Object.values<any>(operation.responses ?? {})) {
      for (const media of Object.values<any>(deref(spec, response).content ?? {})) {
        for (const example of Object.values<any>(media.examples ?? {})) collectRecords(deref(spec, example).value, records);
      }
    }
  }
  // identityId -> Identity, applicationImportId -> Application Import: field names follow the kinds.
  const referenceFields = new Map<string, string>();
  for (const kind of records.keys()) {
    const camel = kind.split(' ').map((w, i) => (i === 0 ? w.toLowerCase() : w)).join('');
    referenceFields.set(`${camel}Id`, kind);
  }

  const byIdRoutes: ByIdRoute[] = [];
  for (const { section, path, method, operation } of listOperations(spec)) {
    if (section !== 'paths' || method !== 'get' || !/\{id\}$/.test(path)) continue;
    const examples = new Map<string, string>();
    let kind = '';
    for (const [name, example] of Object.entries<any>(operation.responses['200']?.content?.['application/json']?.examples ?? {})) {
      const value = deref(spec, example).value;
      if (typeof value?.id === 'string') examples.set(value.id.toLowerCase(), name);
      if (typeof value?.kind === 'string') kind = value.kind;
    }
    kind ||= resourceNames(operation.tags[0]).singular.replace(/([a-z])([A-Z])/g, '$1 $2');
    byIdRoutes.push({ regex: new RegExp(`^${path.replace('{id}', '([^/]+)')}$`), kind, examples });
  }
  return { byIdRoutes, records, referenceFields };
}
