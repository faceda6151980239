// One error hierarchy for everything a call can fail with. Every error is a PermissionAssistError;
// API errors carry the spec's Error body (code, message, correlationId, field errors) and the
// answer's status and headers. No error ever holds the request, its headers or the bearer token.
// Fields are `declare`d: each constructor assigns them all, in the order declared, so emitting them
// as class fields as well would only add bytes to every bundle.
import type { ErrorBody, ErrorCode, FieldError } from './generated/models.js';

/** Where a failed call was going. */
export interface OperationInfo {
  method: string;
  /** The path called, e.g. `/api/identities/3f2a1b4c-...`. */
  path: string;
  /** The operation's path template, e.g. `/api/identities/{id}`. */
  pathTemplate?: string;
  /** The spec's operationId, e.g. `getIdentity`. */
  operationId?: string;
}

/** Base class of every error this client throws. */
export class PermissionAssistError extends Error {
  override name = 'PermissionAssistError';
  declare readonly method: string | undefined;
  declare readonly path: string | undefined;
  declare readonly pathTemplate: string | undefined;
  declare readonly operationId: string | undefined;

  constructor(message: string, request?: OperationInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.method = request?.method;
    this.path = request?.path;
    this.pathTemplate = request?.pathTemplate;
    this.operationId = request?.operationId;
  }

  /** What JSON.stringify writes (an Error's message is not an own enumerable property). */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'name') fields[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    }
    return fields;
  }
}

const where = (request?: OperationInfo) => (request ? `${request.method} ${request.path}: ` : '');

interface ApiErrorInit {
  status: number;
  code: ErrorCode | undefined;
  message: string;
  correlationId: string | undefined;
  errors: FieldError[];
  /** The response body when it was not the documented Error JSON (truncated). */
  rawBody: string | undefined;
  retryAfterMs: number | undefined;
  headers: Headers;
  requestId: string | undefined;
  /** Why retrying stopped, when the answer was a retryable one (429, 503...). */
  gaveUp?: string | undefined;
}

/** The server answered with an error status. */
export class ApiError extends PermissionAssistError {
  override name = 'ApiError';
  declare readonly status: number;
  /** The `error` code of the body, e.g. `validation_error`; undefined when the body was not the documented JSON. */
  declare readonly code: ErrorCode | undefined;
  /** Quote it to Permission Assist support: it identifies the failure in the server's logs. */
  declare readonly correlationId: string | undefined;
  /** Field errors of a `validation_error`; empty otherwise. */
  declare readonly errors: FieldError[];
  declare readonly rawBody: string | undefined;
  /** How long the server asked to wait (Retry-After), in milliseconds. */
  declare readonly retryAfterMs: number | undefined;
  /** The answer's headers. */
  declare readonly headers: Headers;
  /** The request id the server or a proxy in front of it set (X-Request-Id and the like). */
  declare readonly requestId: string | undefined;

  constructor(init: ApiErrorInit, request?: OperationInfo) {
    const fields = init.errors.length ? ` (${init.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : '';
    const id = init.correlationId ? ` [correlationId ${init.correlationId}]` : init.requestId ? ` [request id ${init.requestId}]` : '';
    super(`${where(request)}${init.status} ${init.code ?? 'error'}: ${init.message}${fields}${id}${init.gaveUp ? `; ${init.gaveUp}` : ''}`, request);
    this.status = init.status;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.errors = init.errors;
    this.rawBody = init.rawBody;
    this.retryAfterMs = init.retryAfterMs;
    this.headers = init.headers;
    this.requestId = init.requestId;
  }
}

/** 400 `validation_error`: see `errors` for each invalid field. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
}
/** 401 `unauthorized`: the token is missing, unknown, deleted or expired. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
}
/** 403 `forbidden`. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}
/** 404 `not_found`. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
/** 409 `conflict`: the resource's state does not allow the request. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
/** 422 `unprocessable_entity`: a precondition is not met. */
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
/** 429: the server asked the client to slow down (not documented by the vendor, but proxies send it). */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
/** 5xx, including `server_error` and `creation_failed`. */
export class ServerError extends ApiError {
  override name = 'ServerError';
}

/** The response could not be read as the operation's documented JSON (wrong content type, empty, malformed). */
export class UnexpectedResponseError extends PermissionAssistError {
  override name = 'UnexpectedResponseError';
  declare readonly status: number;
  declare readonly contentType: string | undefined;

  constructor(message: string, status: number, contentType: string | undefined, request?: OperationInfo, cause?: unknown) {
    super(`${where(request)}${message}`, request, { cause });
    this.status = status;
    this.contentType = contentType;
  }
}

/** The answer was larger than `maxResponseBytes`; it was not read any further. */
export class ResponseTooLargeError extends PermissionAssistError {
  override name = 'ResponseTooLargeError';
  declare readonly limitBytes: number;
  declare readonly status: number;

  constructor(limitBytes: number, status: number, request?: OperationInfo) {
    super(`${where(request)}the ${status} response is larger than the ${limitBytes.toLocaleString('en-US')} bytes allowed (maxResponseBytes); it was not read`, request);
    this.limitBytes = limitBytes;
    this.status = status;
  }
}

/** A redirect the client will not follow (another host, a loop, too many, a POST turned into a GET). */
export class RedirectError extends PermissionAssistError {
  override name = 'RedirectError';
  declare readonly status: number;
  /** Where the server pointed, when the runtime says (browsers do not). */
  declare readonly location: string | undefined;

  constructor(message: string, status: number, location: string | undefined, request?: OperationInfo) {
    super(message, request);
    this.status = status;
    this.location = location;
  }
}

/** No response: the connection failed, was refused or was reset. */
export class ConnectionError extends PermissionAssistError {
  override name = 'ConnectionError';
}

/** The call did not finish in time: its timeout (all retries included), or the caller's AbortSignal.timeout(). */
export class TimeoutError extends PermissionAssistError {
  override name = 'TimeoutError';
  /** The client's timeout, in ms; undefined when the caller's own signal timed out. */
  declare readonly timeoutMs: number | undefined;

  constructor(timeoutMs: number | undefined, request?: OperationInfo, options?: { cause?: unknown }) {
    super(`${where(request)}${timeoutMs === undefined ? "the caller's timeout signal expired" : `no response within ${timeoutMs} ms`}`, request, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal cancelled the call. */
export class AbortedError extends PermissionAssistError {
  override name = 'AbortedError';
}

/** The client was called with invalid arguments; nothing was sent. `errors` names each field. */
export class InvalidArgumentError extends PermissionAssistError {
  override name = 'InvalidArgumentError';
  declare readonly errors: FieldError[];

  constructor(errors: FieldError[], request?: OperationInfo) {
    super(`${where(request)}invalid arguments: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, request);
    this.errors = errors;
  }
}

/** Where a wait stood when it ended, for the waiter errors. */
interface WaitState {
  lastRecord: unknown;
  statusesSeen: string[];
  elapsedMs: number;
  polls: number;
}

/** The wait ran out of time before the record settled. */
export class WaiterTimeoutError extends PermissionAssistError {
  override name = 'WaiterTimeoutError';
  declare readonly id: string;
  declare readonly timeoutMs: number;
  /** The record of the last successful poll (undefined if none succeeded). */
  declare readonly lastRecord: unknown;
  /** Every status seen, in order, each change once (`['Pending', 'Running']`). */
  declare readonly statusesSeen: string[];
  declare readonly elapsedMs: number;
  declare readonly polls: number;

  constructor(id: string, timeoutMs: number, wanted: readonly string[], state: WaitState, cause?: unknown) {
    const last = state.statusesSeen.at(-1);
    super(`waited ${Math.round(state.elapsedMs)} ms for ${id} to reach ${wanted.join(' or ')}; still ${last ?? 'unknown (no poll succeeded)'} after ${state.polls} polls (seen: ${state.statusesSeen.join(' -> ') || 'none'})`, undefined, { cause });
    this.id = id;
    this.timeoutMs = timeoutMs;
    this.lastRecord = state.lastRecord;
    this.statusesSeen = state.statusesSeen;
    this.elapsedMs = state.elapsedMs;
    this.polls = state.polls;
  }
}

/** The record reached a final status other than the one waited for (an import that `Failed`). */
export class WaiterFailureError extends PermissionAssistError {
  override name = 'WaiterFailureError';
  declare readonly id: string;
  /** The final status reached. */
  declare readonly status: string;
  declare readonly lastRecord: unknown;
  declare readonly statusesSeen: string[];
  declare readonly elapsedMs: number;
  declare readonly polls: number;

  constructor(id: string, status: string, wanted: readonly string[], state: WaitState) {
    super(`${id} ended ${status} instead of ${wanted.join(' or ')} (seen: ${state.statusesSeen.join(' -> ')})`);
    this.id = id;
    this.status = status;
    this.lastRecord = state.lastRecord;
    this.statusesSeen = state.statusesSeen;
    this.elapsedMs = state.elapsedMs;
    this.polls = state.polls;
  }
}

const CLASS_BY_STATUS: Record<number, typeof ApiError> = {
  400: ValidationError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' && typeof (body as { message?: unknown }).message === 'string';
}

export interface ErrorResponse {
  status: number;
  statusText: string;
  headers: Headers;
}

/** Builds the typed error for an error answer; `body` is its parsed JSON or its text. */
export function errorFromResponse(response: ErrorResponse, body: unknown, request: OperationInfo | undefined, retryAfterMs: number | undefined, requestId: string | undefined, gaveUp?: string): ApiError {
  const Class = CLASS_BY_STATUS[response.status] ?? (response.status >= 500 ? ServerError : ApiError);
  const common = { status: response.status, retryAfterMs, headers: response.headers, requestId, gaveUp };
  if (isErrorBody(body)) {
    // Only well-formed field errors are kept: a server that sends something else there must not break error handling.
    const errors = Array.isArray(body.errors) ? body.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string') : [];
    const correlationId = typeof body.correlationId === 'string' ? body.correlationId : undefined;
    return new Class({ ...common, code: body.error, message: body.message, correlationId, errors, rawBody: undefined }, request);
  }
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const contentType = response.headers.get('content-type') ?? 'no content type';
  return new Class(
    {
      ...common,
      code: undefined,
      message: text ? `${response.statusText || 'error'} (body is not the documented error JSON; ${contentType})` : `${response.statusText || 'error'} (empty body)`,
      correlationId: undefined,
      errors: [],
      rawBody: text ? text.slice(0, 2000) : undefined,
    },
    request,
  );
}

const REDACTED = '[REDACTED]';

/** `text` with every occurrence of each secret replaced by [REDACTED]. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (value instanceof Headers) {
    const entries = [...value];
    if (!entries.some(([, v]) => secrets.some((s) => v.includes(s)))) return value;
    return new Headers(entries.map(([name, v]) => [name, redactText(v, secrets)]));
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  // An error (ours, or a cause such as JSON.parse's SyntaxError, which quotes the text it read) or a
  // plain object from a body: rewritten in place, message and stack included (they are not enumerable).
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
    const next = redactValue(descriptor.value, secrets, depth + 1);
    if (next !== descriptor.value) Object.defineProperty(value, key, { ...descriptor, value: next });
  }
  return value;
}

/**
 * The error with every secret (the bearer token) taken out of everything it carries from the answer:
 * message, stack, body, headers, field errors, location and its causes. A server or a proxy that
 * echoes the Authorization header must not put the token into logs through an error.
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  return secrets.length ? (redactValue(error, secrets, 0) as E) : error;
}
