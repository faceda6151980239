// Used with `resolved: false`: the value must be a $ref whose target starts with `options.prefix`,
// or equals one of `options.refs`. A reference into the API description from the sandbox's
// (`./openapi.yaml#/components/...`) counts as the same target.
export default function refersTo(value, options) {
  const raw = value && typeof value === 'object' ? value.$ref : undefined;
  const ref = typeof raw === 'string' ? raw.replace(/^\.\/openapi\.yaml(?=#)/, '') : raw;
  if (typeof ref === 'string' && options.prefix && ref.startsWith(options.prefix)) return [];
  if (typeof ref === 'string' && options.refs?.includes(ref)) return [];
  const wanted = options.prefix ? `${options.prefix}…` : options.refs.join(' or ');
  return [{ message: `Must be a $ref to ${wanted} (found ${ref ? `$ref ${ref}` : 'an inline definition'}).` }];
}
