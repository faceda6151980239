// How the SDK names things, derived from the spec: a tag becomes a resource (`Personnel events` ->
// `personnelEvents`) and an operationId a method of it (`createOnboardEvent` -> `createOnboard`).
// Used by the client's generator and by the docs' code samples, so both always agree.

export interface ResourceNames {
  property: string;
  plural: string;
  singular: string;
  lastWord: string;
}

/** "Personnel events" -> { property: personnelEvents, plural: PersonnelEvents, singular: PersonnelEvent, lastWord: Event } */
export function resourceNames(tag: string): ResourceNames {
  const words = tag.split(/\s+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1));
  if (words.length === 0) throw new Error('A tag names a resource: got an empty tag');
  const plural = words.join('');
  const singular = plural.replace(/ies$/, 'y').replace(/s$/, '');
  const lastWord = words[words.length - 1]!.replace(/ies$/, 'y').replace(/s$/, '');
  return { property: plural[0]!.toLowerCase() + plural.slice(1), plural, singular, lastWord };
}

/** listPersonnelEvents -> list, createOnboardEvent -> createOnboard, stageApplicationImport -> stage. */
export function methodName(operationId: string, names: ResourceNames): string {
  for (const noun of [names.plural, names.singular, `${names.lastWord}s`, names.lastWord]) {
    if (operationId.endsWith(noun) && operationId.length > noun.length) return operationId.slice(0, -noun.length);
  }
  throw new Error(`operationId ${operationId} does not end with its resource name (${names.singular})`);
}
