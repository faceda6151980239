// What a handler of the sandbox gets and gives back.
import type { UploadedForm } from '../../http/multipart.js';
import type { Route } from '../../http/router.js';

export interface Call {
  route: Route;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** The parsed, validated JSON body. */
  body: any;
  /** The upload's parts, for a multipart operation. */
  form?: UploadedForm;
  /** Sandbox time when the request arrived (after due workflow steps ran). */
  now: number;
  /** The base URL clients reached the sandbox at (for callback URLs). */
  origin: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (call: Call) => Reply | Promise<Reply>;
export type Handlers = Record<string, Handler>;
