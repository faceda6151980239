// A list operation must take `page` and answer 200 with the paging envelope:
// `items` (array) plus every field of PageInfo, directly or through allOf.
const ENVELOPE_FIELDS = ['items', 'totalCount', 'page', 'pageSize', 'totalPages'];

function collectProperties(schema, into = {}) {
  if (!schema || typeof schema !== 'object') return into;
  Object.assign(into, schema.properties ?? {});
  for (const part of schema.allOf ?? []) collectProperties(part, into);
  return into;
}

export default function paginatedList(operation, _options, context) {
  const problems = [];
  const takesPage = (operation.parameters ?? []).some((p) => p && p.in === 'query' && p.name === 'page');
  if (!takesPage) {
    problems.push({ message: 'List operation must take the `page` query parameter.', path: [...context.path, 'parameters'] });
  }
  const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
  const properties = collectProperties(schema);
  const missing = ENVELOPE_FIELDS.filter((field) => !(field in properties));
  if (missing.length > 0) {
    problems.push({
      message: `List operation must return the paging envelope; its 200 schema lacks ${missing.join(', ')}.`,
      path: [...context.path, 'responses', '200'],
    });
  } else if (properties.items.type !== 'array') {
    problems.push({ message: 'Paging envelope `items` must be an array.', path: [...context.path, 'responses', '200'] });
  }
  return problems;
}
