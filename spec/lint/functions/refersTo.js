// Used with `resolved: false`: the value must be a $ref whose target starts with `options.prefix`,
// or equals one of `options.refs`.
export default function refersTo(value, options) {
  const ref = value && typeof value === 'object' ? value.$ref : undefined;
  if (typeof ref === 'string' && options.prefix && ref.startsWith(options.prefix)) return [];
  if (typeof ref === 'string' && options.refs?.includes(ref)) return [];
  const wanted = options.prefix ? `${options.prefix}…` : options.refs.join(' or ');
  return [{ message: `Must be a $ref to ${wanted} (found ${ref ? `$ref ${ref}` : 'an inline definition'}).` }];
}
