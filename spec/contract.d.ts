export interface Violation {
  operationId: string;
  /** e.g. `response.body`, `response.status`, `request.query.page`. */
  where: string;
  /** JSON pointer inside `where`. */
  path: string;
  message: string;
  expected: string;
  actual: string;
  /** Set when the spec marks this choice as its own assumption (x-assumption): a warning, not a violation. */
  assumption?: string;
}
export interface MatchedOperation {
  operationId: string;
  method: string;
  template: string;
  operation: any;
  parameters: any[];
  pathParams: Record<string, string>;
}
export interface Contract {
  spec: any;
  operations: { operationId: string; method: string; path: string }[];
  match(method: string, pathname: string): MatchedOperation | undefined;
  checkResponse(
    matched: MatchedOperation,
    response: { status: number; contentType: string | null | undefined; body: unknown; headers?: Record<string, string> },
    options?: { undocumentedFields?: boolean },
  ): { violations: Violation[]; undocumented: Violation[]; assumptions: Violation[] };
  checkRequest(matched: MatchedOperation, request: { query?: Record<string, string>; body?: unknown; contentType?: string | null }): Violation[];
}
/** A JSON media type: application/json or application/<anything>+json. */
export declare const JSON_TYPE: RegExp;
export declare function createContract(spec?: any): Contract;
