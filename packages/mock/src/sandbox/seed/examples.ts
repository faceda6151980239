// The spec's example data set (First Bank of Valkyrie), read from the spec itself: every object of
// an example with a `kind` and an `id` is a record. A record that appears in several examples is
// taken from the named component examples first, then from the variant with the most values, and
// fields it lacks are filled in from the other variants (the stage reference sample has no
// `application`; another variant of the same import has it).
import { deref, listOperations, type OpenApiDocument } from '@permission-assist/spec-kit';
import type { AccessRequest, Application, ApplicationImport, Identity, IdentityDetails, PersonnelEvent } from '../model.js';

export interface ExampleSet {
  identities: Identity[];
  applications: Application[];
  imports: ApplicationImport[];
  events: PersonnelEvent[];
  requests: AccessRequest[];
  /** Request bodies of the spec's examples, by operationId (the onboarding that created an event, say). */
  requestBodies: Map<string, unknown[]>;
}

type Found = { record: Record<string, unknown>; canonical: boolean };

function nonNull(record: Record<string, unknown>) {
  return Object.values(record).filter((value) => value !== null && value !== undefined).length;
}

function collect(node: unknown, canonical: boolean, found: Map<string, Found[]>) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => collect(child, canonical, found));
  const { kind, id } = node as { kind?: unknown; id?: unknown };
  if (typeof kind === 'string' && typeof id === 'string') {
    const key = `${kind}|${id.toLowerCase()}`;
    found.set(key, [...(found.get(key) ?? []), { record: node as Record<string, unknown>, canonical }]);
  }
  for (const child of Object.values(node)) collect(child, false, found);
}

function merge(variants: Found[]): Record<string, unknown> {
  const ranked = [...variants].sort((a, b) => Number(b.canonical) - Number(a.canonical) || nonNull(b.record) - nonNull(a.record));
  const merged = structuredClone(ranked[0]!.record);
  for (const { record } of ranked.slice(1)) {
    for (const [key, value] of Object.entries(record)) if (!(key in merged)) merged[key] = structuredClone(value);
  }
  return merged;
}

export function readExamples(spec: OpenApiDocument): ExampleSet {
  const found = new Map<string, Found[]>();
  for (const example of Object.values(spec.components?.examples ?? {})) collect(deref(spec, example).value, true, found);
  const requestBodies = new Map<string, unknown[]>();
  for (const { operationId, operation } of listOperations(spec)) {
    for (const response of Object.values(operation.responses ?? {})) {
      for (const media of Object.values(deref(spec, response).content ?? {})) {
        for (const example of Object.values(media.examples ?? {})) collect(deref(spec, example).value, false, found);
      }
    }
    const body = deref(spec, operation.requestBody);
    for (const media of Object.values(body?.content ?? {})) {
      const values = Object.values(media.examples ?? {}).map((example): unknown => deref(spec, example).value);
      if (values.length) requestBodies.set(operationId, values);
    }
  }
  const byKind = (kind: string) => [...found.entries()].filter(([key]) => key.startsWith(`${kind}|`)).map(([, variants]) => merge(variants));
  return {
    identities: byKind('Identity') as unknown as Identity[],
    applications: byKind('Application') as unknown as Application[],
    imports: byKind('Application Import') as unknown as ApplicationImport[],
    events: byKind('Personnel Event') as unknown as PersonnelEvent[],
    requests: byKind('Access Request') as unknown as AccessRequest[],
    requestBodies,
  };
}

/** The onboarding request example an onboarding event example came from: the one with its comment. */
export function onboardingDetails(examples: ExampleSet, event: PersonnelEvent): IdentityDetails | undefined {
  const comment = (event.comments?.[0] as { text?: string } | undefined)?.text;
  const body = (examples.requestBodies.get('createOnboardEvent') ?? []).find(
    (candidate) => (candidate as { comment?: string }).comment === comment,
  ) as { identity?: IdentityDetails } | undefined;
  return body?.identity;
}
