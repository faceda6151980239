// generated — do not edit. Produced from spec/openapi.yaml by packages/client/scripts/generate.mjs.

import type { components } from './schema.js';

type Schemas = components['schemas'];

/**
 * A GUID in its usual hyphenated form. Every id in this API is one.
 */
export type Uuid = Schemas['Uuid'];

/**
 * A date and time in ISO 8601 form. Servers send UTC with `Z` (`2025-12-01T08:45:00Z`), but one
 * of the vendor's own samples has no zone designator (`2026-02-20T08:15:00`), so a value
 * without one is accepted too; read it as the server's local time. Because of that variant
 * this is a pattern rather than `format: date-time`, which requires a zone: parse these values
 * with a parser that allows the zone to be absent.
 */
export type Timestamp = Schemas['Timestamp'];

/**
 * A `Timestamp`, or `null` while the moment it records has not happened.
 */
export type NullableTimestamp = Schemas['NullableTimestamp'];

/**
 * The day something takes effect: a calendar date (`2026-03-15`) or a date and time with a
 * zone (`2026-04-15T00:00:00Z`). The vendor's reference pages send midnight UTC while its
 * onboarding guide sends a bare date; both are accepted and only the date part matters. Each
 * form carries a pattern as well as a format, so validators that treat `format` as an
 * annotation only (the JSON Schema default) still tell the two apart.
 */
export type EventDate = Schemas['EventDate'];

/**
 * The paging fields every list response carries beside `items`. Pages are numbered from 1 and
 * hold 50 items each. The vendor does not document what a page past `totalPages` returns, nor
 * `totalPages` for an empty result; this description allows `0` for an empty result.
 */
export type PageInfo = Schemas['PageInfo'];

/**
 * A short reference to a person or API token, with its id and display name.
 */
export type UserReference = Schemas['UserReference'];

/**
 * The body of every error response. `errors` is present only when individual request fields
 * failed validation.
 */
export type ErrorBody = Schemas['Error'];

/**
 * Machine-readable error code. `server_error` and `creation_failed` both come with status 500;
 * the other codes each belong to the status given in the introduction. The vendor documents no
 * code for other statuses; a request refused before it is read (too large, wrong content type)
 * is answered here with `validation_error`, and an unexpected failure with `server_error`.
 */
export type ErrorCode = Schemas['ErrorCode'];

/**
 * One invalid request field.
 */
export type FieldError = Schemas['FieldError'];

/**
 * A person or non-person account known to Permission Assist. The same representation is
 * embedded in personnel events and access requests. The vendor does not say which text
 * attributes may be empty; source directories often leave them blank, so the descriptive
 * attributes accept `null`.
 */
export type Identity = Schemas['Identity'];

/**
 * Identity type as responses spell it. Note the space in `Service Account`; request bodies
 * spell the same type `ServiceAccount` (see `IdentityTypeInput`).
 */
export type IdentityType = Schemas['IdentityType'];

/**
 * Identity type as request bodies spell it (`ServiceAccount` without a space). The vendor does
 * not say whether matching ignores case, so send the spelling shown.
 */
export type IdentityTypeInput = Schemas['IdentityTypeInput'];

/**
 * `Active`; `Disabled` (inactive in the source directory); `Removed` (gone from the source
 * directory but kept by Permission Assist for history).
 */
export type IdentityStatus = Schemas['IdentityStatus'];

/**
 * One page of identities, ordered by last name, then first name.
 */
export type IdentityPage = Schemas['IdentityPage'];

/**
 * A business application governed by Permission Assist. The vendor documents these six fields,
 * both where applications are embedded (imports, access requests) and for the application
 * operations. Its overview says application details also include connector configuration and
 * the last import status, but publishes no field names for them, so servers may send further
 * fields that this description does not define.
 */
export type Application = Schemas['Application'];

/**
 * Priority rating set on the application's settings.
 */
export type ApplicationPriority = Schemas['ApplicationPriority'];

/**
 * One page of applications. The vendor does not document their order.
 */
export type ApplicationPage = Schemas['ApplicationPage'];

/**
 * One load of an application's account and permission data. The vendor's pages disagree on
 * which fields accompany an import: list items omit `createdBy`, `log`, `files` and `metrics`;
 * the stage reference omits `application`; one guide omits the former and includes the latter.
 * Those five fields are therefore optional here, while the fields every page shows are required.
 */
export type ApplicationImport = Schemas['ApplicationImport'];

/**
 * How the import was started: `Scheduled` by the application's import schedule, `Manual` by a
 * user in the web interface, `API` through this API. The vendor's samples disagree for imports
 * started through the API: the reference shows `API`, one guide `Api`, another `Scheduled` (the
 * stage operation reuses the import schedule's settings). `Api` is accepted as a variant of `API`.
 */
export type ApplicationImportType = Schemas['ApplicationImportType'];

/**
 * `Pending` (queued), `Running`, `Finished`, `Failed`, `Canceling` (cancel requested) and
 * `Canceled`. `Finished`, `Failed` and `Canceled` are final.
 */
export type ApplicationImportStatus = Schemas['ApplicationImportStatus'];

/**
 * A data file belonging to an import.
 */
export type ImportFile = Schemas['ImportFile'];

/**
 * One page of application imports, newest build start first.
 */
export type ApplicationImportPage = Schemas['ApplicationImportPage'];

/**
 * The application whose import schedule supplies the files to import.
 */
export type StageImportRequest = Schemas['StageImportRequest'];

/**
 * One file part per connector file group, named by the file group's id; required file groups
 * must be present and no file may be empty. `applicationId` comes either as a text part here or
 * as the `applicationId` query parameter; one of the two is required.
 */
export type UploadImportRequest = Schemas['UploadImportRequest'];

/**
 * The import to cancel.
 */
export type CancelImportRequest = Schemas['CancelImportRequest'];

/**
 * An onboarding, offboarding, role transition or leave of absence, and the workflow it started.
 * The vendor documents `stages`, `activity` and `comments` as arrays of objects without
 * describing the objects, so their items are left open here; list items may omit the three arrays.
 *
 * Only the create pages show `neededOn`, `neededUntil` and `completedOn`; the vendor's list and
 * get pages are cut before them. They are required here because they belong to the same
 * resource (`x-assumption` marks them), and a contract run reports their absence as an
 * unconfirmed assumption rather than a broken server.
 */
export type PersonnelEvent = Schemas['PersonnelEvent'];

/**
 * Event type as responses spell it (with a space in `Role Transition`). The list filter spells
 * it `RoleTransition`; see `PersonnelEventTypeFilter`.
 */
export type PersonnelEventType = Schemas['PersonnelEventType'];

/**
 * Event type to filter by: `Onboard`, `Offboard`, `RoleTransition` or `Absence`. The server
 * ignores case and removes white space before comparing, so `roletransition` and
 * `Role Transition` match too. JSON Schema has no case-insensitive enum, so the accepted
 * spellings are a pattern; `x-canonical-values` lists the spellings to send.
 */
export type PersonnelEventTypeFilter = Schemas['PersonnelEventTypeFilter'];

/**
 * Status of a personnel event or access request. The vendor does not define the values for the
 * API; the web interface's labels suggest `Pending` = needs approval, `Open` = being provisioned,
 * `Resolved` = waiting for verification, `Completed` = done, `Canceled`, `Scheduled` = waiting
 * for a future date, `Snoozed` = paused (a leave of absence with no return date yet).
 */
export type WorkItemStatus = Schemas['WorkItemStatus'];

/**
 * Status to filter personnel events or access requests by, compared without regard to case
 * (`open` matches `Open`). JSON Schema has no case-insensitive enum, so the accepted spellings
 * are a pattern; `x-canonical-values` lists the spellings to send.
 */
export type WorkItemStatusFilter = Schemas['WorkItemStatusFilter'];

/**
 * One page of personnel events, latest effective date first.
 */
export type PersonnelEventPage = Schemas['PersonnelEventPage'];

/**
 * Identity attributes sent with onboarding and role transition events. Custom fields
 * (`customField1`, `customField2`, ...) are accepted only when the administrator has enabled
 * them; the vendor does not say whether a disabled one is rejected or ignored.
 *
 * The vendor's field tables stop part way through the custom fields, so a server may accept
 * attributes not listed here; the object is therefore not closed. Send only the fields shown.
 */
export type IdentityDetails = Schemas['IdentityDetails'];

/**
 * The person to onboard. `identityType` defaults to `Employee`.
 */
export type OnboardIdentity = Schemas['OnboardIdentity'];

/**
 * A person joining. They are not an identity yet, so their details come in `identity`; the
 * identity is created when the event passes its Approve step. The vendor's reference page is
 * cut inside the identity fields (its guide shows the rest), so the body is not closed here.
 */
export type CreateOnboardEventRequest = Schemas['CreateOnboardEventRequest'];

/**
 * An identity leaving the organisation; their access is to be removed.
 */
export type CreateOffboardEventRequest = Schemas['CreateOffboardEventRequest'];

/**
 * An identity changing position. `identity` updates their attributes for the new role: only
 * the fields sent change. The vendor's reference page is cut inside the identity fields, so
 * the body is not closed here.
 */
export type CreateRoleTransitionEventRequest = Schemas['CreateRoleTransitionEventRequest'];

/**
 * An identity going on leave: access is suspended from `effectiveDate` and restored on return.
 * Without `endDate` the restore step is snoozed until a return date is known.
 */
export type CreateLeaveOfAbsenceEventRequest = Schemas['CreateLeaveOfAbsenceEventRequest'];

/**
 * One provisioning task for one account or group in one application. The single-request
 * operation returns further detail (privileges, activity, comments, approvals, related items)
 * whose fields the vendor has not published; servers may therefore send more fields than these.
 */
export type AccessRequest = Schemas['AccessRequest'];

/**
 * `Add` a new account (or change its account information), `Change` its permissions, `Remove`
 * it, `Suspend` (disable) it, `Restore` (re-enable) it.
 */
export type AccessRequestAction = Schemas['AccessRequestAction'];

/**
 * Action to filter access requests by, compared without regard to case (`remove` matches
 * `Remove`). JSON Schema has no case-insensitive enum, so the accepted spellings are a
 * pattern; `x-canonical-values` lists the spellings to send.
 */
export type AccessRequestActionFilter = Schemas['AccessRequestActionFilter'];

/**
 * The user account or group the request changes.
 */
export type AccessRequestTarget = Schemas['AccessRequestTarget'];

/**
 * A user account. `affectedIdentity` is the identity that owns it; the vendor documents `null`
 * only for groups, but an account matched to no identity may also come with `null`.
 */
export type UserTarget = Schemas['UserTarget'];

/**
 * A group. The vendor documents `nomenclature` as present exactly when the target is a group,
 * so it is required here, and a group has no identity.
 */
export type GroupTarget = Schemas['GroupTarget'];

/**
 * One page of access requests, newest first (by the date they were created).
 */
export type AccessRequestPage = Schemas['AccessRequestPage'];

/**
 * What Permission Assist posts to a configured webhook when an access request event happens.
 * The vendor has not published the list of event names, nor how deliveries are signed or retried.
 */
export type AccessRequestWebhookPayload = Schemas['AccessRequestWebhookPayload'];

/**
 * What happened, and the access request as it was at that moment.
 */
export type AccessRequestWebhookEvent = Schemas['AccessRequestWebhookEvent'];
