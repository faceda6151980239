// Generates src/generated/ from spec/openapi.yaml, so every command, flag and allowed value of `pa`
// comes from the spec (a new parameter or status is one spec edit and a build):
//   model.ts           resources (tags) -> actions (operationIds) -> flags (parameters and body fields),
//                      the waiter states (x-pa-waiters) and the spec's version
//   spec-version.ts    the spec's info.version, for pa --version
//   webhook-schema.ts  the access request webhook payload as one self-contained JSON Schema, for `pa listen`
// `--check` exits 1 if the committed files differ from what the spec generates (run by a test).
import { pathToFileURL } from 'node:url';
import { deref, listOperations, loadSpec, methodName, resourceNames, syncGeneratedFiles } from '@permission-assist/spec-kit';

const HEADER = '// generated — do not edit. Produced from spec/openapi.yaml by packages/cli/scripts/generate.mjs.\n';
const outFlag = process.argv.indexOf('--out');
// --spec FILE generates from another copy of the spec (a test adds a parameter to one).
const specFlag = process.argv.indexOf('--spec');
const outDir = outFlag > 0 ? pathToFileURL(`${process.argv[outFlag + 1].replace(/\/?$/, '/')}`) : new URL('../src/generated/', import.meta.url);

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/\s+/g, '-').toLowerCase();
const oneLine = (text) => (text ?? '').trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ');

/** What a flag needs to know of a schema: its type and, for enums and case-insensitive filters, its values. */
function flagOf(spec, name, schemaRef, description, required) {
  const schema = deref(spec, schemaRef) ?? {};
  const flag = { name: kebab(name), key: name, description: oneLine(description ?? schema.description), required: Boolean(required) };
  flag.type = ['integer', 'number', 'boolean'].includes(schema.type) ? schema.type : 'string';
  if (Array.isArray(schema.enum)) flag.values = schema.enum.filter((v) => typeof v === 'string');
  else if (Array.isArray(schema['x-canonical-values'])) {
    flag.values = schema['x-canonical-values'];
    flag.ignoreCase = true;
  }
  if (schema.format) flag.format = schema.format;
  if (schema.minimum !== undefined) flag.minimum = schema.minimum;
  return flag;
}

const SCALARS = ['string', 'integer', 'number', 'boolean'];
/** A string, number or boolean field, or a choice among such forms (EventDate: a date or a date-time). */
const isScalar = (spec, schema) =>
  Boolean(schema) && (SCALARS.includes(schema.type) || (schema.enum && !schema.type) || (schema.anyOf ?? schema.oneOf ?? []).some((part) => SCALARS.includes(deref(spec, part)?.type)) && (schema.anyOf ?? schema.oneOf).every((part) => isScalar(spec, deref(spec, part)) || deref(spec, part)?.type === 'null'));

function buildModel(spec) {
  const tags = new Map((spec.tags ?? []).map((t) => [t.name, t]));
  const resources = new Map();
  for (const { section, path, method, operationId, operation, parameters } of listOperations(spec)) {
    if (section !== 'paths') continue;
    const tag = operation.tags[0];
    const names = resourceNames(tag);
    if (!resources.has(names.property)) {
      resources.set(names.property, { name: kebab(tag), aliases: [], property: names.property, description: oneLine(tags.get(tag)?.description), singular: names.singular, lastWord: tag.split(/\s+/).pop().toLowerCase(), actions: [] });
    }
    const resource = resources.get(names.property);
    const clientMethod = methodName(operationId, names);
    const action = kebab(clientMethod.replace(/^create(?=[A-Z])/, ''));
    const content = deref(spec, operation.requestBody)?.content ?? {};
    const body = 'multipart/form-data' in content ? 'multipart' : 'application/json' in content ? 'json' : undefined;
    const bodySchema = body ? deref(spec, content[body === 'json' ? 'application/json' : 'multipart/form-data'].schema) : undefined;
    const pathParam = parameters.find((p) => p.in === 'path');
    const query = parameters.filter((p) => p.in === 'query').map((p) => flagOf(spec, p.name, p.schema, p.description, p.required));
    const bodyFields = [];
    const required = bodySchema?.required ?? [];
    for (const [name, property] of Object.entries(bodySchema?.properties ?? {})) {
      const resolved = deref(spec, property);
      if (body === 'multipart' || !isScalar(spec, resolved)) continue;
      if (query.some((q) => q.key === name)) continue;
      bodyFields.push(flagOf(spec, name, property, property.description ?? resolved.description, required.includes(name)));
    }
    // A body whose only required field is this resource's own id (cancel's applicationImportId)
    // takes the id as an argument, like the get operation: `pa imports cancel ID`.
    const ownId = `${names.singular[0].toLowerCase()}${names.singular.slice(1)}Id`;
    const idField = required.length === 1 && required[0] === ownId ? ownId : undefined;
    const success = Object.keys(operation.responses).find((s) => s.startsWith('2'));
    const example = Object.values(content[body === 'json' ? 'application/json' : 'multipart/form-data']?.examples ?? {})[0];
    resource.actions.push({
      name: action,
      aliases: action === kebab(clientMethod) ? [] : [kebab(clientMethod)],
      clientMethod,
      operationId,
      httpMethod: method.toUpperCase(),
      path,
      summary: operation.summary,
      description: oneLine(operation.description),
      ...(pathParam ? { pathParam: { name: pathParam.name, description: oneLine(pathParam.description) } } : {}),
      ...(idField ? { idField } : {}),
      query,
      bodyFields,
      ...(body ? { body } : {}),
      ...(body === 'multipart' ? { fileField: 'file' } : {}),
      paginated: query.some((q) => q.key === 'page'),
      success: Number(success),
      ...(body === 'json' && example ? { bodyExample: deref(spec, example).value } : {}),
      ...(operation['x-pa-wait-until'] ? { waitUntil: operation['x-pa-wait-until'] } : {}),
    });
    if (operation['x-pa-waiters']) {
      const { field, success: ok, failure = [], retry } = operation['x-pa-waiters'];
      resource.waiter = { field, success: ok, failure, retry };
    }
  }
  // Short aliases (`imports`, `events`, `requests`) where the tag's last word names one resource only.
  const all = [...resources.values()];
  for (const resource of all) {
    const short = resource.lastWord;
    if (short !== resource.name && all.filter((r) => r.lastWord === short).length === 1) resource.aliases.push(short);
    // Writes of a resource that has a waiter answer with its record: they can --wait for it.
    for (const action of resource.actions) {
      action.waits = Boolean(resource.waiter) && action.httpMethod === 'POST';
      const known = resource.waiter ? [...resource.waiter.success, ...resource.waiter.failure, ...resource.waiter.retry] : [];
      const unknown = (action.waitUntil ?? []).filter((status) => !known.includes(status));
      if (unknown.length) throw new Error(`${action.operationId}: x-pa-wait-until names ${unknown.join(', ')}, not statuses of its resource's waiter (${known.join(', ') || 'none'})`);
    }
    delete resource.lastWord;
  }
  return all;
}

/** The webhook payload's schema with every component it uses as $defs (refs rebased), extensions dropped. */
function webhookSchema(spec) {
  const [webhook] = Object.values(spec.webhooks ?? {});
  const ref = webhook.post.requestBody.content['application/json'].schema.$ref;
  const used = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop();
      if (!used.has(name)) {
        used.add(name);
        visit(spec.components.schemas[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit({ $ref: ref });
  const clean = (node) => {
    if (Array.isArray(node)) return node.map(clean);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !key.startsWith('x-') && key !== 'example' && key !== 'discriminator')
        .map(([key, value]) => [key, key === '$ref' ? value.replace('#/components/schemas/', '#/$defs/') : clean(value)]),
    );
  };
  const defs = Object.fromEntries([...used].sort().map((name) => [name, clean(spec.components.schemas[name])]));
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: ref.replace('#/components/schemas/', '#/$defs/'), $defs: defs };
}

function generate() {
  const spec = specFlag > 0 ? loadSpec(process.argv[specFlag + 1]) : loadSpec();
  const model = buildModel(spec);
  return {
    // Apart from the model, so that \`pa --version\` loads nothing else.
    'spec-version.ts': `${HEADER}
/** The version of spec/openapi.yaml this build of pa was generated from. */
export const SPEC_VERSION = ${JSON.stringify(spec.info.version)};
`,
    'model.ts': `${HEADER}import type { ResourceModel } from '../model-types.js';

/** Every resource of the API with its actions and their flags, as the spec describes them. */
export const resources: ResourceModel[] = ${JSON.stringify(model, null, 2)};
`,
    'webhook-schema.ts': `${HEADER}
/** JSON Schema (2020-12) of the access request webhook payload, from the spec's \`webhooks\`. */
export const webhookSchema = ${JSON.stringify(webhookSchema(spec), null, 2)} as const;
`,
  };
}

const files = generate();
if (!syncGeneratedFiles({ label: 'cli', outDir, files, rebuild: 'npm run build -w @permission-assist/cli' }, process.argv.includes('--check'))) process.exit(1);
