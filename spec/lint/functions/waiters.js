// `x-pa-waiters` on a get operation: the status field it names must be an enum of the operation's
// 200 body, and `success`, `failure` and `retry` together must hold each of its values exactly once.
// So a status added to the enum but not classified (or a misspelt one) fails the lint, and the
// generated waiters never meet a status they cannot judge. The shape itself is the rule's schema.
function collectProperties(schema, into = {}) {
  if (!schema || typeof schema !== 'object') return into;
  Object.assign(into, schema.properties ?? {});
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) collectProperties(part, into);
  return into;
}

export default function waiters(operation, _options, context) {
  const declaration = operation?.['x-pa-waiters'];
  if (!declaration || typeof declaration !== 'object') return [];
  const at = [...context.path, 'x-pa-waiters'];
  const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
  const field = collectProperties(schema)[declaration.field];
  const values = field?.enum;
  if (!Array.isArray(values)) {
    return [{ message: `x-pa-waiters.field "${declaration.field}" must name an enum property of the 200 response body.`, path: [...at, 'field'] }];
  }
  const problems = [];
  const seen = new Map();
  for (const list of ['success', 'failure', 'retry']) {
    for (const [index, state] of (Array.isArray(declaration[list]) ? declaration[list] : []).entries()) {
      if (!values.includes(state)) problems.push({ message: `"${state}" is not a value of ${declaration.field} (${values.join(', ')}).`, path: [...at, list, index] });
      else if (seen.has(state)) {
        const where = seen.get(state) === list ? `twice in ${list}` : `in both ${seen.get(state)} and ${list}`;
        problems.push({ message: `"${state}" is listed ${where}.`, path: [...at, list, index] });
      }
      else seen.set(state, list);
    }
  }
  const unclassified = values.filter((value) => !seen.has(value));
  if (unclassified.length) problems.push({ message: `Every ${declaration.field} value must be in success, failure or retry; missing: ${unclassified.join(', ')}.`, path: at });
  if (declaration.delay && declaration.delay.minMs > declaration.delay.maxMs) problems.push({ message: 'delay.minMs must not exceed delay.maxMs.', path: [...at, 'delay'] });
  return problems;
}
