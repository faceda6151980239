// Tokens as the sandbox (and --static) treat them: a bearer token of `pa_` followed by at least
// one more character is valid, so integrations can use their real configuration; `pa_expired...`
// stands for an expired or deleted token (401) and `pa_forbidden...` for one that may not act
// (403), so both paths of an integration's error handling can be tried. A 401 says which rule
// failed: no token at all, or one that is not valid.
import { HttpError } from '../http/errors.js';

const RULE = 'the sandbox accepts Authorization: Bearer pa_ followed by at least one character';

export function authenticate(header: string | undefined): void {
  if (header === undefined || header.trim() === '') {
    throw new HttpError(401, `Missing authentication token: ${RULE}`, [], { 'www-authenticate': 'Bearer' });
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token || !/^pa_\S+$/.test(token) || token.startsWith('pa_expired')) {
    throw new HttpError(401, `Invalid or expired authentication token: ${RULE}, and refuses pa_expired...`, [], { 'www-authenticate': 'Bearer' });
  }
  if (token.startsWith('pa_forbidden')) {
    throw new HttpError(403, 'This token may not perform this action (the sandbox refuses every token that starts with pa_forbidden)');
  }
}
