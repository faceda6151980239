import type { ErrorObject } from 'ajv';

export interface SpecOperation {
  section: 'paths' | 'webhooks';
  path: string;
  method: string;
  operationId: string;
  operation: any;
  parameters: any[];
}
export declare const specPath: string;
export declare const sandboxSpecPath: string;
export declare const HTTP_METHODS: string[];
export declare function loadSpec(path?: string): any;
export declare function deref(spec: any, value: any): any;
export declare function pointer(spec: any, ref: string): any;
export declare function listOperations(spec: any): SpecOperation[];
export declare function createValidator(
  spec?: any,
  options?: { sealed?: boolean; formats?: boolean },
): { validate(schema: unknown, value: unknown): ErrorObject[] };
export declare function formatErrors(errors: ErrorObject[]): string[];
export declare function describePattern(error: ErrorObject): string;
