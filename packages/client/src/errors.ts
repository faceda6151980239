// One error hierarchy for everything a call can fail with. Every error is a PermissionAssistError;
// API errors carry the spec's Error body (code, message, correlationId, field errors).
// No error ever holds the request, its headers or the bearer token.
import type { components } from './generated/schema.js';

export type ErrorCode = components['schemas']['ErrorCode'];
export type FieldError = components['schemas']['FieldError'];

/** Where a failed call was going. */
export interface OperationInfo {
  method: string;
  /** The path template of the operation, e.g. `/api/identities/{id}`. */
  path: string;
}

/** Base class of every error this client throws. */
export class PermissionAssistError extends Error {
  override name = 'PermissionAssistError';
  readonly method: string | undefined;
  readonly path: string | undefined;

  constructor(message: string, request?: OperationInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.method = request?.method;
    this.path = request?.path;
  }
}

interface ApiErrorInit {
  status: number;
  code: ErrorCode | undefined;
  message: string;
  correlationId: string | undefined;
  errors: FieldError[];
  /** The response body when it was not the documented Error JSON (truncated). */
  rawBody: string | undefined;
  retryAfterMs: number | undefined;
}

/** The server answered with an error status. */
export class ApiError extends PermissionAssistError {
  override name = 'ApiError';
  readonly status: number;
  /** The `error` code of the body, e.g. `validation_error`; undefined when the body was not the documented JSON. */
  readonly code: ErrorCode | undefined;
  /** Quote it to Permission Assist support: it identifies the failure in the server's logs. */
  readonly correlationId: string | undefined;
  /** Field errors of a `validation_error`; empty otherwise. */
  readonly errors: FieldError[];
  readonly rawBody: string | undefined;
  /** How long the server asked to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit, request?: OperationInfo) {
    const where = request ? `${request.method} ${request.path}: ` : '';
    const fields = init.errors.length ? ` (${init.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : '';
    const id = init.correlationId ? ` [correlationId ${init.correlationId}]` : '';
    super(`${where}${init.status} ${init.code ?? 'error'}: ${init.message}${fields}${id}`, request);
    this.status = init.status;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.errors = init.errors;
    this.rawBody = init.rawBody;
    this.retryAfterMs = init.retryAfterMs;
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
  readonly status: number;
  readonly contentType: string | undefined;

  constructor(message: string, status: number, contentType: string | undefined, request?: OperationInfo, cause?: unknown) {
    super(`${request ? `${request.method} ${request.path}: ` : ''}${message}`, request, { cause });
    this.status = status;
    this.contentType = contentType;
  }
}

/** No response: the connection failed, was refused or was reset. */
export class ConnectionError extends PermissionAssistError {
  override name = 'ConnectionError';
}

/** The call did not finish within its timeout (all retries included). */
export class TimeoutError extends PermissionAssistError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, request?: OperationInfo) {
    super(`${request ? `${request.method} ${request.path}: ` : ''}no response within ${timeoutMs} ms`, request);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal cancelled the call. */
export class AbortedError extends PermissionAssistError {
  override name = 'AbortError';
}

/** The client was called with invalid arguments; nothing was sent. `errors` names each field. */
export class InvalidArgumentError extends PermissionAssistError {
  override name = 'InvalidArgumentError';
  readonly errors: FieldError[];

  constructor(errors: FieldError[], request?: OperationInfo) {
    super(`${request ? `${request.method} ${request.path}: ` : ''}invalid arguments: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, request);
    this.errors = errors;
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

function isErrorBody(body: unknown): body is components['schemas']['Error'] {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' && typeof (body as { message?: unknown }).message === 'string';
}

/** Builds the typed error for an error response; `body` is what openapi-fetch parsed (JSON or text). */
export function errorFromResponse(response: Response, body: unknown, request?: OperationInfo, retryAfterMs?: number): ApiError {
  const Class = CLASS_BY_STATUS[response.status] ?? (response.status >= 500 ? ServerError : ApiError);
  if (isErrorBody(body)) {
    return new Class(
      {
        status: response.status,
        code: body.error,
        message: body.message,
        correlationId: body.correlationId,
        errors: Array.isArray(body.errors) ? body.errors : [],
        rawBody: undefined,
        retryAfterMs,
      },
      request,
    );
  }
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const contentType = response.headers.get('content-type') ?? 'no content type';
  return new Class(
    {
      status: response.status,
      code: undefined,
      message: text ? `${response.statusText || 'error'} (body is not the documented error JSON; ${contentType})` : `${response.statusText || 'error'} (empty body)`,
      correlationId: undefined,
      errors: [],
      rawBody: text ? text.slice(0, 2000) : undefined,
      retryAfterMs,
    },
    request,
  );
}
