// generated — do not edit. Produced from spec/openapi.yaml by packages/client/scripts/generate.mjs.

import type { operations } from './schema.js';
import type { ApiPromise, FiltersOf, JsonBody, PageItem, PaginationOptions, QueryOf, RequestOptions, SuccessBody, UploadInput } from '../types.js';
import type { WaitForOptions, WaitOptions } from '../waiters.js';

/** Every API operation, grouped by resource; the runtime builds the resource methods from this table. */
export const operationTable = {
  personnelEvents: {
    list: { method: 'GET', path: '/api/personnel-events', operationId: 'listPersonnelEvents', paginated: true },
    get: { method: 'GET', path: '/api/personnel-events/{id}', operationId: 'getPersonnelEvent', pathParam: 'id' },
    createOnboard: { method: 'POST', path: '/api/personnel-events/onboard', operationId: 'createOnboardEvent', body: 'json' },
    createOffboard: { method: 'POST', path: '/api/personnel-events/offboard', operationId: 'createOffboardEvent', body: 'json' },
    createRoleTransition: { method: 'POST', path: '/api/personnel-events/role-transition', operationId: 'createRoleTransitionEvent', body: 'json' },
    createLeaveOfAbsence: { method: 'POST', path: '/api/personnel-events/leave-of-absence', operationId: 'createLeaveOfAbsenceEvent', body: 'json' },
  },
  applicationImports: {
    list: { method: 'GET', path: '/api/application-imports', operationId: 'listApplicationImports', paginated: true },
    get: { method: 'GET', path: '/api/application-imports/{id}', operationId: 'getApplicationImport', pathParam: 'id' },
    stage: { method: 'POST', path: '/api/application-imports/stage', operationId: 'stageApplicationImport', body: 'json' },
    upload: { method: 'POST', path: '/api/application-imports/upload', operationId: 'uploadApplicationImport', body: 'multipart' },
    cancel: { method: 'POST', path: '/api/application-imports/cancel', operationId: 'cancelApplicationImport', body: 'json' },
  },
  applications: {
    list: { method: 'GET', path: '/api/applications', operationId: 'listApplications', paginated: true },
    get: { method: 'GET', path: '/api/applications/{id}', operationId: 'getApplication', pathParam: 'id' },
  },
  identities: {
    list: { method: 'GET', path: '/api/identities', operationId: 'listIdentities', paginated: true },
    get: { method: 'GET', path: '/api/identities/{id}', operationId: 'getIdentity', pathParam: 'id' },
  },
  accessRequests: {
    list: { method: 'GET', path: '/api/access-requests', operationId: 'listAccessRequests', paginated: true },
    get: { method: 'GET', path: '/api/access-requests/{id}', operationId: 'getAccessRequest', pathParam: 'id' },
  },
} as const;

/**
 * How the records of a resource settle, from the `x-pa-waiters` extension of its get operation:
 * the status field, its final (success, failure) and passing (retry) values, and the poll delay.
 */
export const waiterTable = {
  personnelEvents: { get: 'get', field: 'status', success: ['Completed'], failure: ['Canceled'], retry: ['Pending', 'Open', 'Resolved', 'Scheduled', 'Snoozed'], delay: { minMs: 2000, maxMs: 60000 } },
  applicationImports: { get: 'get', field: 'status', success: ['Finished'], failure: ['Failed', 'Canceled'], retry: ['Pending', 'Running', 'Canceling'], delay: { minMs: 1000, maxMs: 30000 } },
  accessRequests: { get: 'get', field: 'status', success: ['Completed'], failure: ['Canceled'], retry: ['Pending', 'Open', 'Resolved', 'Scheduled', 'Snoozed'], delay: { minMs: 2000, maxMs: 60000 } },
} as const;

/** Personnel Events operations. */
export interface PersonnelEventsResource {
  /**
   * List personnel events
   *
   * Pages through personnel events, latest effective date first. Combine the filters to find, for
   * example, every open event of one identity. `type` and `status` ignore case. The vendor does not
   * say what an unknown filter value gets; this description answers it with `400`, as for any
   * other invalid parameter.
   */
  list(query?: QueryOf<operations['listPersonnelEvents']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['listPersonnelEvents']>>;
  /** Every item of `list` across all pages, in order (pages after the first are fetched concurrently). */
  listAll(query?: FiltersOf<operations['listPersonnelEvents']>, options?: PaginationOptions): AsyncIterableIterator<PageItem<SuccessBody<operations['listPersonnelEvents']>>>;
  /** Collects every item of `list` across all pages into one array. */
  listCollect(query?: FiltersOf<operations['listPersonnelEvents']>, options?: PaginationOptions): Promise<PageItem<SuccessBody<operations['listPersonnelEvents']>>[]>;
  /**
   * Get a personnel event
   *
   * Returns one personnel event with its workflow stages, activity log and comments. A malformed
   * id is answered with `400` (the vendor does not say whether 400 or 404).
   */
  get(id: string, options?: RequestOptions): ApiPromise<SuccessBody<operations['getPersonnelEvent']>>;
  /**
   * Polls `get` until the record's `status` is final: resolves with the record on `Completed`, rejects with WaiterFailureError on `Canceled` and with WaiterTimeoutError when `timeoutMs` runs out (both carry the last record and every status seen).
   */
  waitUntilDone(id: string, options?: WaitOptions<SuccessBody<operations['getPersonnelEvent']>>): Promise<SuccessBody<operations['getPersonnelEvent']>>;
  /**
   * Polls `get` until the record's `status` is one of `options.status`; a final status other than those ends the wait with WaiterFailureError.
   */
  waitFor(id: string, options: WaitForOptions<SuccessBody<operations['getPersonnelEvent']>>): Promise<SuccessBody<operations['getPersonnelEvent']>>;
  /**
   * Create an onboarding event
   *
   * Reports a person joining the organisation. As they are not an identity yet, their details
   * come in `identity` (first and last name required); the identity is created when the event
   * passes its Approve step. The event then runs the usual onboarding workflow.
   *
   * Not idempotent: sending the same request twice creates two events, and after a timeout you
   * cannot tell whether the first one arrived. The new hire has no identity id to look up yet,
   * so put a reference of your own in `comment` (your HR system's hire id, say) and, before
   * sending again, look for it in the comments of recent onboarding events
   * (`listPersonnelEvents` with `type=Onboard`).
   */
  createOnboard(body: JsonBody<operations['createOnboardEvent']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['createOnboardEvent']>>;
  /**
   * Create an offboarding event
   *
   * Reports an identity leaving the organisation, which starts the removal of their access.
   * An event whose effective date is in the future is `Scheduled` until then.
   *
   * An `identityId` that matches no identity is refused; the vendor does not say whether with
   * `400` (a field error) or `404`, so both are described. Not idempotent: do not retry blindly.
   */
  createOffboard(body: JsonBody<operations['createOffboardEvent']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['createOffboardEvent']>>;
  /**
   * Create a role transition event
   *
   * Reports an identity moving to another position. Send the attributes that change in
   * `identity`; the others keep their values. `endDate` closes a temporary transition period.
   * Not idempotent: do not retry blindly.
   */
  createRoleTransition(body: JsonBody<operations['createRoleTransitionEvent']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['createRoleTransitionEvent']>>;
  /**
   * Create a leave of absence event
   *
   * Reports an identity going on leave: access is suspended from `effectiveDate` and restored on
   * return. Leave out `endDate` when the return date is unknown; the restore step then waits
   * (`Snoozed`) until someone sets it. Not idempotent: do not retry blindly.
   */
  createLeaveOfAbsence(body: JsonBody<operations['createLeaveOfAbsenceEvent']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['createLeaveOfAbsenceEvent']>>;
}

/** Application Imports operations. */
export interface ApplicationImportsResource {
  /**
   * List application imports
   *
   * Pages through application imports, latest build start first. The only filter the vendor
   * documents is `applicationId`. List items carry the application but not `createdBy`, `log`,
   * `files` or `metrics`; get the import for those.
   */
  list(query?: QueryOf<operations['listApplicationImports']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['listApplicationImports']>>;
  /** Every item of `list` across all pages, in order (pages after the first are fetched concurrently). */
  listAll(query?: FiltersOf<operations['listApplicationImports']>, options?: PaginationOptions): AsyncIterableIterator<PageItem<SuccessBody<operations['listApplicationImports']>>>;
  /** Collects every item of `list` across all pages into one array. */
  listCollect(query?: FiltersOf<operations['listApplicationImports']>, options?: PaginationOptions): Promise<PageItem<SuccessBody<operations['listApplicationImports']>>[]>;
  /**
   * Get an application import
   *
   * Returns one import with its files, log and metrics: poll it to follow an import you staged
   * or uploaded. The vendor lists this operation but its page could not be found; the path
   * follows the API's pattern for every other single resource and the body is the full import.
   */
  get(id: string, options?: RequestOptions): ApiPromise<SuccessBody<operations['getApplicationImport']>>;
  /**
   * Polls `get` until the record's `status` is final: resolves with the record on `Finished`, rejects with WaiterFailureError on `Failed`, `Canceled` and with WaiterTimeoutError when `timeoutMs` runs out (both carry the last record and every status seen).
   */
  waitUntilDone(id: string, options?: WaitOptions<SuccessBody<operations['getApplicationImport']>>): Promise<SuccessBody<operations['getApplicationImport']>>;
  /**
   * Polls `get` until the record's `status` is one of `options.status`; a final status other than those ends the wait with WaiterFailureError.
   */
  waitFor(id: string, options: WaitForOptions<SuccessBody<operations['getApplicationImport']>>): Promise<SuccessBody<operations['getApplicationImport']>>;
  /**
   * Stage an application import
   *
   * Queues an import that reads the data files named by the application's import schedule (the
   * files must already be in its shared directory). The application must exist, must not be
   * archived and must have an import schedule. The response (`201`, status `Pending`) only means
   * the import is queued: follow it with `getApplicationImport`.
   *
   * The vendor's samples disagree on the import `type` of a staged import (`API`, `Api` or
   * `Scheduled`) and on the fields returned; all three forms are shown below. The vendor's error
   * list is cut after 400: an unknown application is answered with `404` and an application
   * without an import schedule with `422` here, both unconfirmed.
   */
  stage(body: JsonBody<operations['stageApplicationImport']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['stageApplicationImport']>>;
  /**
   * Upload files for an application import
   *
   * Queues an import from files you send, for applications with a file-based connector (no
   * shared directory needed). Send one file part per connector file group, named by the file
   * group's id; required groups must be present and no file may be empty. Give the application
   * as the `applicationId` form field or query parameter.
   *
   * The vendor's page is cut before its status codes; `201` with the queued import is assumed as
   * for staging, `404` for an unknown application and `422` for an application whose connector
   * is not file-based (both unconfirmed).
   */
  upload(input: UploadInput, options?: RequestOptions): ApiPromise<SuccessBody<operations['uploadApplicationImport']>>;
  /**
   * Cancel an application import
   *
   * Asks for a `Pending` or `Running` import to stop. The answer (`200`) shows the import as
   * `Canceling`; it becomes `Canceled` once the build job has stopped. The id goes in the body,
   * not the path. An unknown id gets `404` and an import that is already `Finished`, `Failed`,
   * `Canceled` or `Canceling` gets `409 conflict` (the vendor's page is cut before its errors;
   * these follow its error table).
   */
  cancel(body: JsonBody<operations['cancelApplicationImport']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['cancelApplicationImport']>>;
}

/** Applications operations. */
export interface ApplicationsResource {
  /**
   * List applications
   *
   * Pages through the applications Permission Assist governs. The vendor lists this operation
   * without publishing its page: the path, the envelope and the fields follow the rest of the
   * API, no filters are defined, and the order is not documented. Whether archived applications
   * are included is not documented either.
   */
  list(query?: QueryOf<operations['listApplications']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['listApplications']>>;
  /** Every item of `list` across all pages, in order (pages after the first are fetched concurrently). */
  listAll(query?: FiltersOf<operations['listApplications']>, options?: PaginationOptions): AsyncIterableIterator<PageItem<SuccessBody<operations['listApplications']>>>;
  /** Collects every item of `list` across all pages into one array. */
  listCollect(query?: FiltersOf<operations['listApplications']>, options?: PaginationOptions): Promise<PageItem<SuccessBody<operations['listApplications']>>[]>;
  /**
   * Get an application
   *
   * Returns one application. Its id is the `applicationId` the import operations take. The
   * vendor lists this operation without publishing its page; the path and body follow the rest
   * of the API.
   */
  get(id: string, options?: RequestOptions): ApiPromise<SuccessBody<operations['getApplication']>>;
}

/** Identities operations. */
export interface IdentitiesResource {
  /**
   * List identities
   *
   * Pages through every identity, people and non-person accounts alike, ordered by last name and
   * then first name. There are no filters. One person may have several identities (for example
   * a standard and an administrator account).
   */
  list(query?: QueryOf<operations['listIdentities']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['listIdentities']>>;
  /** Every item of `list` across all pages, in order (pages after the first are fetched concurrently). */
  listAll(query?: FiltersOf<operations['listIdentities']>, options?: PaginationOptions): AsyncIterableIterator<PageItem<SuccessBody<operations['listIdentities']>>>;
  /** Collects every item of `list` across all pages into one array. */
  listCollect(query?: FiltersOf<operations['listIdentities']>, options?: PaginationOptions): Promise<PageItem<SuccessBody<operations['listIdentities']>>[]>;
  /**
   * Get an identity
   *
   * Returns one identity. An unknown id gets `404 not_found`; a malformed one gets `400`.
   */
  get(id: string, options?: RequestOptions): ApiPromise<SuccessBody<operations['getIdentity']>>;
}

/** Access Requests operations. */
export interface AccessRequestsResource {
  /**
   * List access requests
   *
   * Pages through access requests, newest first. Filter by affected identity, application,
   * status and action; note that the action filter is called `type` while the field it matches is
   * `action`. `status` and `type` ignore case. An unknown filter value gets `400` (the vendor does
   * not say).
   */
  list(query?: QueryOf<operations['listAccessRequests']>, options?: RequestOptions): ApiPromise<SuccessBody<operations['listAccessRequests']>>;
  /** Every item of `list` across all pages, in order (pages after the first are fetched concurrently). */
  listAll(query?: FiltersOf<operations['listAccessRequests']>, options?: PaginationOptions): AsyncIterableIterator<PageItem<SuccessBody<operations['listAccessRequests']>>>;
  /** Collects every item of `list` across all pages into one array. */
  listCollect(query?: FiltersOf<operations['listAccessRequests']>, options?: PaginationOptions): Promise<PageItem<SuccessBody<operations['listAccessRequests']>>[]>;
  /**
   * Get an access request
   *
   * Returns one access request. The vendor says this view adds privileges, the activity log,
   * comments, approvals and related review items, but does not publish their fields; they are
   * not defined here and may appear as extra fields.
   */
  get(id: string, options?: RequestOptions): ApiPromise<SuccessBody<operations['getAccessRequest']>>;
  /**
   * Polls `get` until the record's `status` is final: resolves with the record on `Completed`, rejects with WaiterFailureError on `Canceled` and with WaiterTimeoutError when `timeoutMs` runs out (both carry the last record and every status seen).
   */
  waitUntilDone(id: string, options?: WaitOptions<SuccessBody<operations['getAccessRequest']>>): Promise<SuccessBody<operations['getAccessRequest']>>;
  /**
   * Polls `get` until the record's `status` is one of `options.status`; a final status other than those ends the wait with WaiterFailureError.
   */
  waitFor(id: string, options: WaitForOptions<SuccessBody<operations['getAccessRequest']>>): Promise<SuccessBody<operations['getAccessRequest']>>;
}

/** The resource-style methods of a Permission Assist client. */
export interface PermissionAssistResources {
  personnelEvents: PersonnelEventsResource;
  applicationImports: ApplicationImportsResource;
  applications: ApplicationsResource;
  identities: IdentitiesResource;
  accessRequests: AccessRequestsResource;
}
