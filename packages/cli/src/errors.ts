// How a failure becomes an exit code and one line on stderr (and, with --output json, a JSON object).
import {
  AbortedError, ApiError, ConflictError, ConnectionError, ForbiddenError, InvalidArgumentError, NotFoundError, PermissionAssistError,
  RateLimitError, RedirectError, ResponseTooLargeError, ServerError, TimeoutError, UnauthorizedError, UnexpectedResponseError,
  WaiterFailureError, WaiterTimeoutError,
} from '@permission-assist/client';
import { EXIT, type ExitCode } from './exit-codes.js';

/** A wrong command line: nothing was sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof InvalidArgumentError) return EXIT.usage;
  if (error instanceof WaiterTimeoutError) return EXIT.waitTimeout;
  if (error instanceof WaiterFailureError) return EXIT.waitFailure;
  if (error instanceof AbortedError) return EXIT.interrupted;
  if (error instanceof UnauthorizedError || error instanceof ForbiddenError) return EXIT.auth;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof ConflictError) return EXIT.conflict;
  if (error instanceof ServerError || error instanceof RateLimitError || error instanceof ConnectionError || error instanceof TimeoutError) return EXIT.unavailable;
  if (error instanceof UnexpectedResponseError || error instanceof ResponseTooLargeError || error instanceof RedirectError) return EXIT.unavailable;
  if (error instanceof ApiError) return error.status >= 500 ? EXIT.unavailable : EXIT.refused;
  return EXIT.internal;
}

/** The JSON form of an error, for --output json: what a script needs to branch and to quote to support. */
export function errorJson(error: unknown, code: ExitCode): Record<string, unknown> {
  const out: Record<string, unknown> = { exitCode: code, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
  if (error instanceof ApiError) Object.assign(out, { status: error.status, code: error.code, correlationId: error.correlationId, errors: error.errors, requestId: error.requestId });
  if (error instanceof InvalidArgumentError) out.errors = error.errors;
  if (error instanceof WaiterFailureError || error instanceof WaiterTimeoutError) Object.assign(out, { id: error.id, statusesSeen: error.statusesSeen, polls: error.polls, lastRecord: error.lastRecord });
  if (error instanceof WaiterFailureError) out.status = error.status;
  if (error instanceof PermissionAssistError && error.operationId) out.operationId = error.operationId;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** One line: the client's messages already hold the status, code, field errors and correlationId. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `pa: ${message.replace(/\s*\n\s*/g, ' ')}`;
}
