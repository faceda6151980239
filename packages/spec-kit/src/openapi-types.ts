// The OpenAPI 3.1 object types of openapi-types (types only, no runtime, no dependencies), under
// the names this package uses. openapi-typescript's own object types were the first choice, but its
// declarations import `typescript` and @redocly/openapi-core, which every consumer type-checking
// with skipLibCheck: false would then have to install.
import type { OpenAPIV3_1 } from 'openapi-types';

export type OpenApiDocument = OpenAPIV3_1.Document;
export type ComponentsObject = OpenAPIV3_1.ComponentsObject;
export type ExampleObject = OpenAPIV3_1.ExampleObject;
export type HeaderObject = OpenAPIV3_1.HeaderObject;
export type MediaTypeObject = OpenAPIV3_1.MediaTypeObject;
export type OperationObject = OpenAPIV3_1.OperationObject;
export type ParameterObject = OpenAPIV3_1.ParameterObject;
export type PathItemObject = OpenAPIV3_1.PathItemObject;
export type ReferenceObject = OpenAPIV3_1.ReferenceObject;
export type RequestBodyObject = OpenAPIV3_1.RequestBodyObject;
export type ResponseObject = OpenAPIV3_1.ResponseObject;
export type SchemaObject = OpenAPIV3_1.SchemaObject;
