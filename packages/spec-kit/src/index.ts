export type * from './openapi-types.js';
export { loadSpec, specPath, sandboxSpecPath } from './documents.js';
export { componentExample, deref, isReference, pointer } from './refs.js';
export { pointerTokens, unescapeToken, valueAtPointer } from './json-pointer.js';
export { HTTP_METHODS, listOperations, type HttpMethod, type SpecOperation } from './operations.js';
export { createRouteTable, type RouteEntry, type RouteMatch, type RouteTable } from './routes.js';
export { createValidator, describePattern, formatErrors, type SpecValidator, type ValidatorOptions } from './validator.js';
export { createContract, JSON_TYPE, type CheckedResponse, type Contract, type MatchedOperation, type Violation } from './contract.js';
export { methodName, resourceNames, type ResourceNames } from './sdk-names.js';
