// The one route matcher: path templates compiled once, literal paths tried before templated ones
// (so /api/application-imports/stage is not taken for /{id}), and for a path that exists under
// other methods the methods it does allow (for a 405's Allow header).

export interface RouteEntry {
  /** The path template, e.g. `/api/identities/{id}`. */
  path: string;
  /** The HTTP method, any case. */
  method: string;
}

export type RouteMatch<T extends RouteEntry> =
  | { found: true; route: T; /** Path parameters as sent (still percent-encoded). */ rawParams: Record<string, string> }
  | { found: false; /** Upper-case methods the path does allow (empty: no such path). */ allow: string[] };

interface Compiled<T> {
  entry: T;
  method: string;
  regex: RegExp;
  names: string[];
}

function compile<T extends RouteEntry>(entry: T): Compiled<T> {
  const names: string[] = [];
  const pattern = entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { entry, method: entry.method.toUpperCase(), regex: new RegExp(`^${pattern}$`), names };
}

export interface RouteTable<T extends RouteEntry> {
  /** The entries, literal paths first. */
  routes: T[];
  /** The entry for `method` (HEAD falls back to GET when `headAsGet`) and `pathname`, or the methods the path allows. */
  match(method: string, pathname: string, options?: { headAsGet?: boolean }): RouteMatch<T>;
}

export function createRouteTable<T extends RouteEntry>(entries: readonly T[]): RouteTable<T> {
  const compiled = entries.map(compile).sort((a, b) => a.names.length - b.names.length);
  // A literal path matches only itself, and literals come first: "METHOD path" finds the route the
  // walk below would return first, without trying every pattern (a server matches every request).
  const literals = new Map<string, T>();
  for (const route of compiled) {
    const key = `${route.method} ${route.entry.path}`;
    if (route.names.length === 0 && !literals.has(key)) literals.set(key, route.entry);
  }
  return {
    routes: compiled.map((route) => route.entry),
    match(method, pathname, { headAsGet = false } = {}) {
      const upper = method.toUpperCase();
      const wanted = headAsGet && upper === 'HEAD' ? 'GET' : upper;
      const literal = literals.get(`${wanted} ${pathname}`);
      if (literal) return { found: true, route: literal, rawParams: {} };
      const allow = new Set<string>();
      for (const route of compiled) {
        const found = route.regex.exec(pathname);
        if (!found) continue;
        if (route.method !== wanted) {
          allow.add(route.method);
          continue;
        }
        const rawParams = Object.fromEntries(route.names.map((name, i) => [name, found[i + 1] ?? '']));
        return { found: true, route: route.entry, rawParams };
      }
      if (headAsGet && allow.has('GET')) allow.add('HEAD');
      return { found: false, allow: [...allow] };
    },
  };
}
