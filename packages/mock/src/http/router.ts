// Routes requests to the operations of one or more OpenAPI documents: no path is listed by hand.
import { listOperations } from '@permission-assist/spec/load';
import { HttpError } from './errors.js';
import { decodeSegment } from './server.js';

export interface Route {
  operationId: string;
  method: string;
  template: string;
  operation: any;
  parameters: any[];
  /** Whether a bearer token is required (the operation's or the document's `security`). */
  secured: boolean;
  /** The document the operation belongs to. */
  spec: any;
  regex: RegExp;
  names: string[];
}

export type RouteMatch =
  | { found: true; route: Route; pathParams: Record<string, string> }
  | { found: false; allow: string[] };

function compile(template: string) {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}$`), names };
}

export function createRouter(specs: any[]) {
  const routes: Route[] = specs
    .flatMap((spec) =>
      listOperations(spec)
        .filter((op) => op.section === 'paths')
        .map((op) => {
          const security = op.operation.security ?? spec.security ?? [];
          return { ...op, method: op.method.toUpperCase(), template: op.path, secured: security.length > 0, spec, ...compile(op.path) };
        }),
    )
    // Literal paths first, so /api/application-imports/stage is not taken for /{id}.
    .sort((a, b) => a.names.length - b.names.length);

  return {
    routes,
    match(method: string, pathname: string): RouteMatch {
      const wanted = method === 'HEAD' ? 'GET' : method;
      const allow = new Set<string>();
      for (const route of routes) {
        const found = route.regex.exec(pathname);
        if (!found) continue;
        if (route.method !== wanted) {
          allow.add(route.method);
          continue;
        }
        const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decodeSegment(found[i + 1]!, name)]));
        return { found: true, route, pathParams };
      }
      if (allow.has('GET')) allow.add('HEAD');
      return { found: false, allow: [...allow] };
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
