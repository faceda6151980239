// A schema has the wanted `format` itself, or (for schemas that accept documented variants)
// in at least one of its anyOf/oneOf branches, so every value it accepts is still checked.
function formatsOf(schema) {
  if (!schema || typeof schema !== 'object') return [];
  const own = schema.format ? [schema.format] : [];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(formatsOf);
  return [...own, ...branches];
}

export default function hasFormat(schema, options) {
  if (formatsOf(schema).includes(options.format)) return [];
  return [{ message: `Must be a string with format \`${options.format}\`.` }];
}
