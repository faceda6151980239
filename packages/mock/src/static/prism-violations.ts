// Prism reports each invalid part of a request it checked itself as a "violation" (in the
// sl-violations header). These become the field errors of a validation_error: the field named as
// the vendor does (dotted path), and what is wrong with it.
import type { FieldError } from '../http/errors.js';

export interface PrismViolation {
  location: string[];
  code: string | number;
  message: string;
}

export function fieldErrorsFromViolations(violations: PrismViolation[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const v of violations) {
    if (v.location[0] !== 'request') continue;
    const [, area = 'body', ...rest] = v.location;
    let field = rest.join('.');
    let message = v.message.replace(/^Request (body|query parameter|path parameter|header)( property)? ?[\w.-]* ?/, '').trim();
    const required = /must have required property '([^']+)'/.exec(v.message);
    const unknown = /must NOT have additional properties; found '([^']+)'/.exec(v.message);
    if (required) {
      field = field ? `${field}.${required[1]}` : required[1]!;
      message = 'is required';
    } else if (unknown) {
      field = field ? `${field}.${unknown[1]}` : unknown[1]!;
      message = 'is not a field of this request';
    } else if (v.code === 'oneOf' || v.code === 'anyOf') continue;
    if (!field) field = area === 'body' ? 'body' : area;
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, message: messages.join(' or ') }));
}
