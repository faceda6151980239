export interface ResourceNames {
  property: string;
  plural: string;
  singular: string;
  lastWord: string;
}
export declare function resourceNames(tag: string): ResourceNames;
export declare function methodName(operationId: string, names: ResourceNames): string;
