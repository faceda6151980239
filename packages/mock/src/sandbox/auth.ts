// Tokens as the sandbox (and --static) treat them: any bearer token that starts with `pa_` is
// valid, so integrations can use their real configuration; `pa_expired...` stands for an expired
// or deleted token (401) and `pa_forbidden...` for one that may not act (403), so both paths of an
// integration's error handling can be tried.
import { HttpError } from '../http/errors.js';

export function authenticate(header: string | undefined): void {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token || !token.startsWith('pa_') || token.startsWith('pa_expired')) {
    throw new HttpError(401, 'Invalid or expired authentication token', [], { 'www-authenticate': 'Bearer' });
  }
  if (token.startsWith('pa_forbidden')) {
    throw new HttpError(403, 'This token may not perform this action (the sandbox refuses every token that starts with pa_forbidden)');
  }
}
