// Every operation of a document, with its parameters (path-level and operation-level) resolved.
import type { OpenApiDocument, OperationObject, ParameterObject, PathItemObject, ReferenceObject } from './openapi-types.js';
import { deref } from './refs.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface SpecOperation {
  section: 'paths' | 'webhooks';
  /** The path template (`/api/identities/{id}`), or the webhook's name. */
  path: string;
  method: HttpMethod;
  operationId: string;
  operation: OperationObject;
  parameters: ParameterObject[];
}

/** Every operation of the document: `paths` and `webhooks`. */
export function listOperations(spec: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const sections: ['paths' | 'webhooks', Record<string, PathItemObject | ReferenceObject | undefined> | undefined][] = [
    ['paths', spec.paths],
    ['webhooks', spec.webhooks],
  ];
  for (const [section, entries] of sections) {
    for (const [path, entry] of Object.entries(entries ?? {})) {
      const item = deref<PathItemObject>(spec, entry);
      if (!item) continue;
      for (const method of HTTP_METHODS) {
        const operation = deref<OperationObject>(spec, item[method]);
        if (!operation) continue;
        if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref<ParameterObject>(spec, p));
        operations.push({ section, path, method, operationId: operation.operationId, operation, parameters });
      }
    }
  }
  return operations;
}
