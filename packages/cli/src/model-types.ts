// The shape of src/generated/model.ts: what the spec says about each command of `pa`.

export interface FlagModel {
  /** The flag's name, kebab-case: `identity-id`. */
  name: string;
  /** The parameter or body field it sets: `identityId`. */
  key: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  required: boolean;
  /** Allowed values (an enum, or the canonical spellings of a case-insensitive filter). */
  values?: string[];
  /** The server compares the value without regard to case. */
  ignoreCase?: boolean;
  format?: string;
  minimum?: number;
}

export interface ActionModel {
  /** The command: `list`, `get`, `onboard`, `stage`. */
  name: string;
  aliases: string[];
  /** The client method it calls: `list`, `createOnboard`. */
  clientMethod: string;
  operationId: string;
  httpMethod: string;
  path: string;
  summary: string;
  description: string;
  pathParam?: { name: string; description: string };
  /** A body field filled from the positional id (`applicationImportId` of cancel). */
  idField?: string;
  query: FlagModel[];
  /** Top-level scalar fields of a JSON body, settable as flags (objects come from --data). */
  bodyFields: FlagModel[];
  body?: 'json' | 'multipart';
  fileField?: string;
  paginated: boolean;
  success: number;
  /** The spec's first request example, for help and the docs' samples. */
  bodyExample?: unknown;
  /** Its answer is a record with a waiter, so it takes --wait. */
  waits: boolean;
  /** What --wait waits for when not the success statuses (x-pa-wait-until: cancel waits for Canceled). */
  waitUntil?: string[];
}

export interface WaiterModel {
  field: string;
  success: string[];
  failure: string[];
  retry: string[];
}

export interface ResourceModel {
  /** `personnel-events` */
  name: string;
  /** `events` */
  aliases: string[];
  /** The client's property: `personnelEvents`. */
  property: string;
  description: string;
  singular: string;
  actions: ActionModel[];
  waiter?: WaiterModel;
}
