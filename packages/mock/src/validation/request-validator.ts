// Validates a request's path parameters, query and JSON body against the spec and describes every
// problem the way the vendor's own samples do: the field as a dotted path (`identity.firstName`)
// and a sentence about it ("First name is required", "Page must be 1 or greater").
//
// An unknown body field is an error here: the spec leaves some bodies open because the vendor's
// field tables are cut, but a misspelt field is far more likely to be a bug in the integration
// than a field only the real server knows, so the mock says so.
import type { ErrorObject } from 'ajv';
import { createValidator, deref, pointerTokens, type OpenApiDocument, type SpecValidator, type OperationObject, type ParameterObject, type RequestBodyObject, type SchemaObject } from '@permission-assist/spec-kit';
import type { FieldError } from '../http/errors.js';
import type { UploadedForm } from '../http/multipart.js';

export interface OperationShape {
  operationId: string;
  operation: OperationObject;
  parameters: ParameterObject[];
}

/** The parts of an object schema that say which fields it declares. */
interface DeclaredFields {
  allOf?: unknown[];
  properties?: Record<string, unknown>;
  patternProperties?: Record<string, unknown>;
  additionalProperties?: unknown;
}

export interface RequestParts {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, when the operation takes one. */
  body?: unknown;
  hasBody?: boolean;
}

/** "identityId" -> "Identity id", "customField3" -> "Custom field 3", "identity.firstName" -> "First name". */
export function label(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/([0-9])([A-Za-z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldOf(base: string, instancePath: string): string {
  const inner = pointerTokens(instancePath).join('.');
  return [base, inner].filter(Boolean).join('.');
}

function describe(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as Record<string, any>;
  switch (error.keyword) {
    case 'type':
      return error.params.type === 'integer' ? 'must be a whole number' : `must be ${/^[aeiou]/.test(error.params.type) ? 'an' : 'a'} ${error.params.type}`;
    case 'format':
      return error.params.format === 'uuid' ? 'must be a GUID' : `must be a valid ${error.params.format}`;
    case 'pattern':
      if (Array.isArray(schema['x-canonical-values'])) return `must be one of ${schema['x-canonical-values'].join(', ')} (case is ignored)`;
      return schema.examples?.length ? `must look like ${schema.examples[0]}` : 'has the wrong form';
    case 'enum':
      return `must be one of ${error.params.allowedValues.join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'minimum':
      return `must be ${error.params.limit} or greater`;
    case 'maximum':
      return `must be ${error.params.limit} or less`;
    case 'exclusiveMinimum':
      return `must be greater than ${error.params.limit}`;
    case 'maxLength':
      return `must be at most ${error.params.limit} characters`;
    case 'minLength':
      return error.params.limit === 1 ? 'must not be empty' : `must be at least ${error.params.limit} characters`;
    case 'anyOf':
    case 'oneOf':
      return schema.examples?.length ? `must look like ${schema.examples.join(' or ')}` : 'has the wrong form';
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * Ajv errors as field errors. An anyOf/oneOf that failed on a value (EventDate) reports once, from
 * the union's own examples, instead of once per branch.
 */
export function toFieldErrors(errors: ErrorObject[], base: string): FieldError[] {
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const out = new Map<string, string>();
  for (const error of errors) {
    let field = fieldOf(base, error.instancePath);
    let sentence: string;
    if (error.keyword === 'required') {
      field = [field, error.params.missingProperty].filter(Boolean).join('.');
      sentence = 'is required';
    } else if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
      field = [field, error.params.additionalProperty ?? error.params.unevaluatedProperty].filter(Boolean).join('.');
      out.set(field, `${field.split('.').pop()} is not a field of this request`);
      continue;
    } else if (unions.has(error.instancePath) && error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      continue;
    } else sentence = describe(error);
    if (!out.has(field)) out.set(field, `${label(field || 'body')} ${sentence}`);
  }
  return [...out].map(([field, message]) => ({ field: field || 'body', message }));
}

/** What an object schema declares, once per schema node: its fields, its field-name patterns and the hint listing them. */
interface Declaration {
  properties: Map<string, unknown>;
  patterns: RegExp[];
  hint: string;
}

/** Declarations per schema node, per document (null: the node declares nothing to check against). */
const declarations = new WeakMap<OpenApiDocument, WeakMap<object, Declaration | null>>();

function declarationOf(spec: OpenApiDocument, schema: unknown): Declaration | null {
  if (!schema || typeof schema !== 'object') return null;
  let known = declarations.get(spec);
  if (!known) declarations.set(spec, (known = new WeakMap()));
  let declaration = known.get(schema);
  if (declaration !== undefined) return declaration;
  declaration = null;
  const node = deref<DeclaredFields>(spec, schema as DeclaredFields);
  if (node && typeof node === 'object') {
    const parts = [node, ...(node.allOf ?? []).map((part) => deref<DeclaredFields>(spec, part as DeclaredFields))];
    if (!parts.some((part) => part.additionalProperties !== undefined && part.additionalProperties !== false)) {
      const properties = new Map<string, unknown>();
      const patterns: RegExp[] = [];
      for (const part of parts) {
        for (const [name, child] of Object.entries(part.properties ?? {})) properties.set(name, child);
        for (const pattern of Object.keys(part.patternProperties ?? {})) patterns.push(new RegExp(pattern));
      }
      if (properties.size > 0 || patterns.length > 0) declaration = { properties, patterns, hint: fieldsHere(properties, patterns) };
    }
  }
  known.set(schema, declaration);
  return declaration;
}

/**
 * Fields of `value` that `schema` does not declare anywhere (its `properties`, `patternProperties`,
 * and those of its `allOf` parts), nested objects included. Sealing the schema with
 * `unevaluatedProperties: false` cannot do this: JSON Schema drops what a failed `allOf` part
 * evaluated, so one invalid field would make every field of that part look unknown.
 */
export function undeclaredFields(spec: OpenApiDocument, schema: unknown, value: unknown, base = ''): FieldError[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const declaration = declarationOf(spec, schema);
  if (!declaration) return [];
  const out: FieldError[] = [];
  for (const key of Object.keys(value)) {
    const child = declaration.properties.get(key);
    if (child !== undefined || declaration.properties.has(key)) {
      const nested = (value as Record<string, unknown>)[key];
      if (nested && typeof nested === 'object' && !Array.isArray(nested)) out.push(...undeclaredFields(spec, child, nested, base ? `${base}.${key}` : key));
    } else if (!declaration.patterns.some((pattern) => pattern.test(key))) {
      out.push({ field: base ? `${base}.${key}` : key, message: `${key} is not a field of this request${declaration.hint}` });
    }
  }
  return out;
}

/** "; the fields here are seconds, until": what a misspelt or invented field could have been (short lists only). */
function fieldsHere(properties: Map<string, unknown>, patterns: RegExp[]): string {
  if (properties.size === 0 || properties.size > 12) return '';
  return `; the fields here are ${[...properties.keys()].join(', ')}${patterns.length ? ` and names matching ${patterns.map((p) => p.source).join(' or ')}` : ''}`;
}

/** What checking one operation's request takes, worked out on its first request. */
interface OperationPlan {
  parameters: { parameter: ParameterObject; integer: boolean }[];
  /** The JSON body's schema, when the operation takes one; `required`: a request without a body is refused. */
  json?: { schema: unknown; required: boolean };
}

/** Compiles each operation's checks on its first request (so start-up compiles none); `check` then runs in microseconds. */
export function createRequestValidator(spec: OpenApiDocument) {
  // Made on the first request that needs a schema checked, so start-up neither loads Ajv nor
  // compiles anything; each schema is compiled on its first use. Our own spec, whose schemas the
  // spec's tests check against the meta-schema: not checked again at every start.
  let specValidator: SpecValidator | undefined;
  const validator = { validate: (schema: unknown, value: unknown) => (specValidator ??= createValidator(spec, { metaSchema: false })).validate(schema, value) };
  const plans = new WeakMap<OperationObject, OperationPlan>();

  const planOf = (shape: OperationShape): OperationPlan => {
    let plan = plans.get(shape.operation);
    if (!plan) {
      const requestBody = deref<RequestBodyObject>(spec, shape.operation.requestBody);
      const json = requestBody?.content?.['application/json'];
      plan = {
        parameters: shape.parameters
          .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
          .map((parameter) => ({ parameter, integer: deref<SchemaObject>(spec, parameter.schema)?.type === 'integer' })),
        json: json ? { schema: json.schema, required: requestBody?.required === true } : undefined,
      };
      plans.set(shape.operation, plan);
    }
    return plan;
  };

  return {
    check(shape: OperationShape, parts: RequestParts): FieldError[] {
      const problems: FieldError[] = [];
      const plan = planOf(shape);
      for (const { parameter, integer } of plan.parameters) {
        let raw: string | undefined;
        if (parameter.in === 'path') raw = parts.pathParams[parameter.name];
        else {
          const values = parts.query.getAll(parameter.name);
          if (values.length > 1) {
            problems.push({ field: parameter.name, message: `${label(parameter.name)} must be given once` });
            continue;
          }
          raw = values[0];
        }
        if (raw === undefined) {
          if (parameter.required) problems.push({ field: parameter.name, message: `${label(parameter.name)} is required` });
          continue;
        }
        const value = integer && /^-?\d+$/.test(raw) ? Number(raw) : raw;
        const errors = validator.validate(parameter.schema, value);
        if (errors.length) problems.push(...toFieldErrors(errors, parameter.name));
      }
      const { json } = plan;
      if (json && (parts.hasBody || json.required)) {
        if (!parts.hasBody) problems.push({ field: 'body', message: 'Body is required: send a JSON object' });
        else {
          const unknown = undeclaredFields(spec, json.schema, parts.body);
          const errors = validator.validate(json.schema, parts.body);
          if (errors.length) {
            const known = toFieldErrors(errors, '');
            problems.push(...known.filter((p) => !unknown.some((u) => u.field === p.field)));
          }
          problems.push(...unknown);
        }
      }
      return problems;
    },

    /**
     * An upload's parts against the operation's multipart schema: text parts by value, file parts
     * as present (their contents are never held). The sandbox checks uploads against its data
     * instead; --static, which has no data, checks them here.
     */
    checkForm(shape: OperationShape, form: UploadedForm): FieldError[] {
      const schema = deref(spec, shape.operation.requestBody)?.content?.['multipart/form-data']?.schema;
      if (!schema) return [];
      const value: Record<string, string> = {};
      for (const [name, values] of form.fields) value[name] = values[0]!;
      for (const file of form.files) value[file.field] = '';
      const unknown = undeclaredFields(spec, schema, value);
      const known = toFieldErrors(validator.validate(schema, value), '');
      return [...known.filter((p) => !unknown.some((u) => u.field === p.field)), ...unknown];
    },
  };
}

export type RequestValidator = ReturnType<typeof createRequestValidator>;
