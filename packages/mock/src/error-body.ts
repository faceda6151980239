// Builds the spec's Error body (not Prism's problem+json) for everything the mock answers itself.
import { randomBytes } from 'node:crypto';

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  message: string;
  correlationId: string;
  errors?: FieldError[];
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  409: 'conflict',
  422: 'unprocessable_entity',
};

export function errorBody(status: number, message: string, errors?: FieldError[]): ErrorBody {
  return {
    error: CODE_BY_STATUS[status] ?? 'server_error',
    message,
    correlationId: randomBytes(16).toString('hex'),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

interface PrismViolation {
  location: string[];
  code: string | number;
  message: string;
}

/**
 * Prism reports each invalid part of a request as a violation ("Request body property
 * identity.department must NOT have more than 128 characters"). These become the field errors of a
 * validation_error: the field named as the vendor does (dotted path), and what is wrong with it.
 */
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
