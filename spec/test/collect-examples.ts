// Walks the spec and pairs every example with the schema it illustrates.
import { deref, listOperations } from '@permission-assist/spec-kit';

export interface ExampleCase {
  where: string;
  schema: unknown;
  value: unknown;
}

function mediaExamples(spec: any, where: string, content: Record<string, any> | undefined): ExampleCase[] {
  return Object.entries(content ?? {}).flatMap(([mediaType, media]) => {
    const cases: ExampleCase[] = Object.entries(media.examples ?? {}).map(([name, example]) => ({
      where: `${where} ${mediaType} example "${name}"`,
      schema: media.schema,
      value: deref<{ value?: unknown }>(spec, example as { value?: unknown }).value,
    }));
    if ('example' in media) cases.push({ where: `${where} ${mediaType} example`, schema: media.schema, value: media.example });
    return cases;
  });
}

export function collectExamples(spec: any): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const { section, path, method, operation, parameters } of listOperations(spec)) {
    const at = `${section} ${method.toUpperCase()} ${path}`;
    for (const parameter of parameters) {
      if ('example' in parameter) {
        cases.push({ where: `${at} parameter ${parameter.name}`, schema: parameter.schema, value: parameter.example });
      }
    }
    if (operation.requestBody) {
      cases.push(...mediaExamples(spec, `${at} request`, deref(spec, operation.requestBody).content));
    }
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      cases.push(...mediaExamples(spec, `${at} ${status}`, deref(spec, response).content));
    }
  }
  for (const [name, schema] of Object.entries<any>(spec.components?.schemas ?? {})) {
    for (const [index, value] of (schema.examples ?? []).entries()) {
      cases.push({ where: `schema ${name} examples[${index}]`, schema: { $ref: `#/components/schemas/${name}` }, value });
    }
  }
  return cases;
}
