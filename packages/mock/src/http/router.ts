// Routes requests to the operations of one or more OpenAPI documents: no path is listed by hand.
import { createRouteTable, listOperations, type OpenApiDocument, type OperationObject, type ParameterObject } from '@permission-assist/spec-kit';
import { HttpError } from './errors.js';
import { decodeSegment } from './server.js';

export interface Route {
  operationId: string;
  /** Upper case. */
  method: string;
  template: string;
  /** The same template, under the name the route table matches on. */
  path: string;
  operation: OperationObject;
  parameters: ParameterObject[];
  /** Whether a bearer token is required (the operation's or the document's `security`). */
  secured: boolean;
  /** The document the operation belongs to. */
  spec: OpenApiDocument;
}

export type RouteMatch =
  | { found: true; route: Route; pathParams: Record<string, string> }
  | { found: false; allow: string[] };

export function createRouter(specs: OpenApiDocument[]) {
  const table = createRouteTable<Route>(
    specs.flatMap((spec) =>
      listOperations(spec)
        .filter((op) => op.section === 'paths')
        .map((op) => {
          const security = op.operation.security ?? spec.security ?? [];
          const { operationId, operation, parameters, path } = op;
          return { operationId, operation, parameters, path, method: op.method.toUpperCase(), template: path, secured: security.length > 0, spec };
        }),
    ),
  );

  return {
    routes: table.routes,
    match(method: string, pathname: string): RouteMatch {
      const match = table.match(method, pathname, { headAsGet: true });
      if (!match.found) return match;
      const pathParams: Record<string, string> = {};
      for (const [name, raw] of Object.entries(match.rawParams)) pathParams[name] = decodeSegment(raw, name);
      return { found: true, route: match.route, pathParams };
    },

    /** The operation a request is for, or the 405 (with Allow) or 404 saying why there is none; `served` names what this server serves. */
    resolve(method: string, pathname: string, served: string): { route: Route; pathParams: Record<string, string> } {
      const match = this.match(method, pathname);
      if (match.found) return match;
      if (match.allow.length) throw new HttpError(405, `${method} is not allowed on ${pathname}; use ${match.allow.join(' or ')}`, [], { allow: match.allow.join(', ') });
      throw new HttpError(404, `No operation of ${served} is at ${pathname}`);
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
