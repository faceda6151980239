// Which operations a part of the spec reaches: an operation reaches every component its request,
// parameters and responses refer to, directly or through other components' $refs. A change to a
// component concerns every operation that reaches it, not only the first path a diff tool reports.
import { listOperations, pointer, pointerTokens } from '@permission-assist/spec-kit';

/** `#/components/schemas/Identity/required` -> `schemas/Identity`; undefined outside components. */
export function componentOf(ref) {
  if (!ref?.startsWith('#/components/')) return undefined;
  const [, section, name] = pointerTokens(ref.slice(1));
  return section && name ? `${section}/${name}` : undefined;
}

/** `#/paths/~1api~1identities/get/...` -> { section: 'paths', path: '/api/identities', method: 'get' }. */
export function operationAt(ref) {
  if (!ref?.startsWith('#/paths/') && !ref?.startsWith('#/webhooks/')) return undefined;
  const [section, path, method] = pointerTokens(ref.slice(1));
  return { section, path, method };
}

/** For each operation of the document, the components it reaches. */
export function operationReach(spec) {
  return listOperations(spec).map((op) => {
    const reached = new Set();
    const walk = (node) => {
      if (!node || typeof node !== 'object') return;
      if (typeof node.$ref === 'string') {
        const component = componentOf(node.$ref);
        if (component && !reached.has(component)) {
          reached.add(component);
          walk(pointer(spec, `#/components/${component}`));
        }
      }
      for (const child of Object.values(node)) walk(child);
    };
    walk(op.operation);
    walk(op.parameters);
    return { section: op.section, path: op.path, method: op.method, operationId: op.operationId, reached };
  });
}

/** The operations (of any of the documents) that a change at `refs` concerns, in document order. */
export function operationsConcerned(reaches, refs) {
  const components = new Set(refs.map(componentOf).filter(Boolean));
  const direct = refs.map(operationAt).filter(Boolean);
  const found = new Map();
  for (const reach of reaches.flat()) {
    const hit = [...components].some((c) => reach.reached.has(c)) || direct.some((d) => d.section === reach.section && d.path === reach.path && (d.method === undefined || d.method === reach.method));
    const key = `${reach.method} ${reach.path}`;
    if (hit && !found.has(key)) found.set(key, { method: reach.method.toUpperCase(), path: reach.path, operationId: reach.operationId, webhook: reach.section === 'webhooks' });
  }
  return [...found.values()];
}
