// The exit codes a scheduler branches on (README's table is checked against this one by a test).
// 1 is left to Node itself (an uncaught crash), 130 is the shell's code for Ctrl-C.

export const EXIT = {
  /** The command did what it was asked. */
  ok: 0,
  /** Something pa did not expect (a bug): the message says what. */
  internal: 1,
  /** The command line was wrong: unknown command or flag, a bad value, a missing token. Nothing was sent. */
  usage: 2,
  /** The server refused the request as invalid: 400 validation_error, 422 unprocessable_entity (and other 4xx not listed here). */
  refused: 3,
  /** The token was refused: 401 unauthorized, 403 forbidden. */
  auth: 4,
  /** 404 not_found. */
  notFound: 5,
  /** 409 conflict: the record's state does not allow the request (cancel of a finished import). */
  conflict: 6,
  /** The server failed (5xx), or could not be reached, or did not answer in time, after the client's retries. */
  unavailable: 7,
  /** --wait / wait: the record did not settle within --timeout. */
  waitTimeout: 8,
  /** --wait / wait: the record settled in a failure status (import Failed or Canceled, event Canceled). */
  waitFailure: 9,
  /** Interrupted (Ctrl-C, SIGTERM). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
