// Used with `resolved: false`: the value must be a $ref whose target starts with `options.prefix`.
export default function refersTo(value, options) {
  const ref = value && typeof value === 'object' ? value.$ref : undefined;
  if (typeof ref === 'string' && ref.startsWith(options.prefix)) return [];
  return [{ message: `Must be a $ref to ${options.prefix}… (found ${ref ? `$ref ${ref}` : 'an inline definition'}).` }];
}
