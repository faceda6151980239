// The spec's Error body, and the exception handlers throw to answer with one.
import { randomFillSync } from 'node:crypto';

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

/**
 * The spec's error code for a status. The vendor defines no code for statuses outside its table;
 * a request refused before it is read (405, 413, 415, 416) is a validation_error, as the spec's
 * ErrorCode description says, and anything else at 5xx a server_error.
 */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'validation_error',
  409: 'conflict',
  413: 'validation_error',
  415: 'validation_error',
  416: 'validation_error',
  422: 'unprocessable_entity',
};

/** Random bytes for the next correlation ids, drawn 256 ids at a time. */
const ID_BYTES = 16;
const POOLED_IDS = 256;
const idPool = Buffer.allocUnsafe(ID_BYTES * POOLED_IDS);
let nextId = POOLED_IDS;

/**
 * 32 hex digits, unique per request: 16 random bytes from a pool refilled in bulk, written as hex in
 * one call (randomBytes per request is a call into the system's random source; a randomUUID with
 * its dashes removed cost three times as much).
 */
export function newCorrelationId(): string {
  if (nextId === POOLED_IDS) {
    randomFillSync(idPool);
    nextId = 0;
  }
  const start = ID_BYTES * nextId;
  nextId += 1;
  return idPool.toString('hex', start, start + ID_BYTES);
}

export function errorBody(status: number, message: string, errors?: FieldError[], correlationId = newCorrelationId()): ErrorBody {
  return {
    error: CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'validation_error'),
    message,
    correlationId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Thrown by a handler to answer with the spec's Error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400 validation_error with field errors, in the vendor's wording. */
export function validationError(errors: FieldError[]): HttpError {
  return new HttpError(400, 'One or more validation errors occurred', errors);
}
