// generated — do not edit. Produced from spec/openapi.yaml by packages/client/scripts/generate.mjs.
/* eslint-disable */
export interface paths {
    "/api/personnel-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List personnel events
         * @description Pages through personnel events, latest effective date first. Combine the filters to find, for
         *     example, every open event of one identity. `type` and `status` ignore case. The vendor does not
         *     say what an unknown filter value gets; this description answers it with `400`, as for any
         *     other invalid parameter.
         */
        get: operations["listPersonnelEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personnel-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a personnel event
         * @description Returns one personnel event with its workflow stages, activity log and comments. A malformed
         *     id is answered with `400` (the vendor does not say whether 400 or 404).
         */
        get: operations["getPersonnelEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personnel-events/onboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an onboarding event
         * @description Reports a person joining the organisation. As they are not an identity yet, their details
         *     come in `identity` (first and last name required); the identity is created when the event
         *     passes its Approve step. The event then runs the usual onboarding workflow.
         *
         *     Not idempotent: sending the same request twice creates two events, and after a timeout you
         *     cannot tell whether the first one arrived. The new hire has no identity id to look up yet,
         *     so put a reference of your own in `comment` (your HR system's hire id, say) and, before
         *     sending again, look for it in the comments of recent onboarding events
         *     (`listPersonnelEvents` with `type=Onboard`).
         */
        post: operations["createOnboardEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personnel-events/offboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an offboarding event
         * @description Reports an identity leaving the organisation, which starts the removal of their access.
         *     An event whose effective date is in the future is `Scheduled` until then.
         *
         *     An `identityId` that matches no identity is refused; the vendor does not say whether with
         *     `400` (a field error) or `404`, so both are described. Not idempotent: do not retry blindly.
         */
        post: operations["createOffboardEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personnel-events/role-transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a role transition event
         * @description Reports an identity moving to another position. Send the attributes that change in
         *     `identity`; the others keep their values. `endDate` closes a temporary transition period.
         *     Not idempotent: do not retry blindly.
         */
        post: operations["createRoleTransitionEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personnel-events/leave-of-absence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a leave of absence event
         * @description Reports an identity going on leave: access is suspended from `effectiveDate` and restored on
         *     return. Leave out `endDate` when the return date is unknown; the restore step then waits
         *     (`Snoozed`) until someone sets it. Not idempotent: do not retry blindly.
         */
        post: operations["createLeaveOfAbsenceEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/application-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List application imports
         * @description Pages through application imports, latest build start first. The only filter the vendor
         *     documents is `applicationId`. List items carry the application but not `createdBy`, `log`,
         *     `files` or `metrics`; get the import for those.
         */
        get: operations["listApplicationImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/application-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an application import
         * @description Returns one import with its files, log and metrics: poll it to follow an import you staged
         *     or uploaded. The vendor lists this operation but its page could not be found; the path
         *     follows the API's pattern for every other single resource and the body is the full import.
         */
        get: operations["getApplicationImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/application-imports/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stage an application import
         * @description Queues an import that reads the data files named by the application's import schedule (the
         *     files must already be in its shared directory). The application must exist, must not be
         *     archived and must have an import schedule. The response (`201`, status `Pending`) only means
         *     the import is queued: follow it with `getApplicationImport`.
         *
         *     The vendor's samples disagree on the import `type` of a staged import (`API`, `Api` or
         *     `Scheduled`) and on the fields returned; all three forms are shown below. The vendor's error
         *     list is cut after 400: an unknown application is answered with `404` and an application
         *     without an import schedule with `422` here, both unconfirmed.
         */
        post: operations["stageApplicationImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/application-imports/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload files for an application import
         * @description Queues an import from files you send, for applications with a file-based connector (no
         *     shared directory needed). Send one file part per connector file group, named by the file
         *     group's id; required groups must be present and no file may be empty. Give the application
         *     as the `applicationId` form field or query parameter.
         *
         *     The vendor's page is cut before its status codes; `201` with the queued import is assumed as
         *     for staging, `404` for an unknown application and `422` for an application whose connector
         *     is not file-based (both unconfirmed).
         */
        post: operations["uploadApplicationImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/application-imports/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an application import
         * @description Asks for a `Pending` or `Running` import to stop. The answer (`200`) shows the import as
         *     `Canceling`; it becomes `Canceled` once the build job has stopped. The id goes in the body,
         *     not the path. An unknown id gets `404` and an import that is already `Finished`, `Failed`,
         *     `Canceled` or `Canceling` gets `409 conflict` (the vendor's page is cut before its errors;
         *     these follow its error table).
         */
        post: operations["cancelApplicationImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List applications
         * @description Pages through the applications Permission Assist governs. The vendor lists this operation
         *     without publishing its page: the path, the envelope and the fields follow the rest of the
         *     API, no filters are defined, and the order is not documented. Whether archived applications
         *     are included is not documented either.
         */
        get: operations["listApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an application
         * @description Returns one application. Its id is the `applicationId` the import operations take. The
         *     vendor lists this operation without publishing its page; the path and body follow the rest
         *     of the API.
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List identities
         * @description Pages through every identity, people and non-person accounts alike, ordered by last name and
         *     then first name. There are no filters. One person may have several identities (for example
         *     a standard and an administrator account).
         */
        get: operations["listIdentities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/identities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an identity
         * @description Returns one identity. An unknown id gets `404 not_found`; a malformed one gets `400`.
         */
        get: operations["getIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List access requests
         * @description Pages through access requests, newest first. Filter by affected identity, application,
         *     status and action; note that the action filter is called `type` while the field it matches is
         *     `action`. `status` and `type` ignore case. An unknown filter value gets `400` (the vendor does
         *     not say).
         */
        get: operations["listAccessRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an access request
         * @description Returns one access request. The vendor says this view adds privileges, the activity log,
         *     comments, approvals and related review items, but does not publish their fields; they are
         *     not defined here and may appear as extra fields.
         */
        get: operations["getAccessRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    accessRequestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Access request event
         * @description Permission Assist posts this to the URL configured for an application's access request
         *     event notifications. Answer with any 2xx status to acknowledge it. The vendor does not
         *     document signatures, retries or the event names, so check the source of deliveries yourself
         *     (for example with a secret in the configured URL) and do not rely on a delivery arriving once.
         */
        post: operations["receiveAccessRequestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @description A GUID in its usual hyphenated form. Every id in this API is one.
         * @example 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b
         */
        Uuid: string;
        /**
         * @description A date and time in ISO 8601 form. Servers send UTC with `Z` (`2025-12-01T08:45:00Z`), but one
         *     of the vendor's own samples has no zone designator (`2026-02-20T08:15:00`), so a value
         *     without one is accepted too; read it as the server's local time. Because of that variant
         *     this is a pattern rather than `format: date-time`, which requires a zone: parse these values
         *     with a parser that allows the zone to be absent.
         * @example 2025-12-01T08:45:00Z
         * @example 2026-02-20T08:15:00
         */
        Timestamp: string;
        /**
         * @description A `Timestamp`, or `null` while the moment it records has not happened.
         * @example 2025-12-02T09:45:00Z
         * @example null
         */
        NullableTimestamp: components["schemas"]["Timestamp"] | null;
        /**
         * @description The day something takes effect: a calendar date (`2026-03-15`) or a date and time with a
         *     zone (`2026-04-15T00:00:00Z`). The vendor's reference pages send midnight UTC while its
         *     onboarding guide sends a bare date; both are accepted and only the date part matters. Each
         *     form carries a pattern as well as a format, so validators that treat `format` as an
         *     annotation only (the JSON Schema default) still tell the two apart.
         * @example 2026-04-15T00:00:00Z
         * @example 2026-03-15
         */
        EventDate: string;
        /**
         * @description The paging fields every list response carries beside `items`. Pages are numbered from 1 and
         *     hold 50 items each. The vendor does not document what a page past `totalPages` returns, nor
         *     `totalPages` for an empty result; this description allows `0` for an empty result.
         */
        PageInfo: {
            /**
             * Format: int32
             * @description Number of matching items across all pages.
             */
            totalCount: number;
            /**
             * Format: int32
             * @description The page returned, starting at 1.
             */
            page: number;
            /**
             * Format: int32
             * @description Items per page. Fixed at 50 by the server.
             * @constant
             */
            pageSize: 50;
            /**
             * Format: int32
             * @description Number of pages of 50 that hold all matching items.
             */
            totalPages: number;
        };
        /** @description A short reference to a person or API token, with its id and display name. */
        UserReference: {
            id: components["schemas"]["Uuid"];
            /** @description Display name, usually "Last, First" for people and the token's name for API tokens. */
            name: string;
        };
        /**
         * @description The body of every error response. `errors` is present only when individual request fields
         *     failed validation.
         */
        Error: {
            error: components["schemas"]["ErrorCode"];
            /** @description What went wrong, for people. Do not parse it; use `error` and `errors[].field`. */
            message: string;
            /**
             * @description Identifies this failure in the server's logs; quote it to support. The vendor calls it a
             *     GUID but every sample is 32 hexadecimal digits without hyphens, so both forms are accepted.
             */
            correlationId: string;
            /** @description One entry per invalid request field (validation errors only). */
            errors?: components["schemas"]["FieldError"][];
        };
        /**
         * @description Machine-readable error code. `server_error` and `creation_failed` both come with status 500;
         *     the other codes each belong to the status given in the introduction. The vendor documents no
         *     code for other statuses; a request refused before it is read (too large, wrong content type)
         *     is answered here with `validation_error`, and an unexpected failure with `server_error`.
         * @enum {string}
         */
        ErrorCode: "validation_error" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "unprocessable_entity" | "server_error" | "creation_failed";
        /** @description One invalid request field. */
        FieldError: {
            /** @description The request field, as a dotted path for nested fields (`identity.firstName`). */
            field: string;
            /** @description What is wrong with it. */
            message: string;
        };
        /**
         * @description A person or non-person account known to Permission Assist. The same representation is
         *     embedded in personnel events and access requests. The vendor does not say which text
         *     attributes may be empty; source directories often leave them blank, so the descriptive
         *     attributes accept `null`.
         */
        Identity: {
            id: components["schemas"]["Uuid"];
            /**
             * @description Resource type; always `Identity`.
             * @constant
             */
            kind: "Identity";
            /** @description First name. */
            firstName: string;
            /** @description Last name. */
            lastName: string;
            /** @description Email address. (Request bodies call this field `email`.) */
            emailAddress: string | null;
            type: components["schemas"]["IdentityType"];
            /** @description Job title. */
            title: string | null;
            /** @description Company. */
            company: string | null;
            /** @description Division. */
            division: string | null;
            /** @description Department. */
            department: string | null;
            /** @description Office location. */
            office: string | null;
            /** @description Display name of the supervisor, as "Last, First". */
            supervisorName: string | null;
            /** @description When the source system created the record. */
            createdDate: components["schemas"]["Timestamp"];
            /** @description When the source system last changed the record. */
            updatedDate: components["schemas"]["Timestamp"];
            /** @description When Permission Assist first imported the identity. */
            firstSeenDate: components["schemas"]["Timestamp"];
            /** @description When the identity was deactivated; `null` while it is active. */
            inactivatedDate: components["schemas"]["NullableTimestamp"];
            status: components["schemas"]["IdentityStatus"];
        };
        /**
         * @description Identity type as responses spell it. Note the space in `Service Account`; request bodies
         *     spell the same type `ServiceAccount` (see `IdentityTypeInput`).
         * @enum {string}
         */
        IdentityType: "Employee" | "Service Account" | "Vendor" | "Shared" | "Mailbox" | "Client" | "Temporary" | "Administrator" | "Auditor" | "Unknown";
        /**
         * @description Identity type as request bodies spell it (`ServiceAccount` without a space). The vendor does
         *     not say whether matching ignores case, so send the spelling shown.
         * @enum {string}
         */
        IdentityTypeInput: "Employee" | "ServiceAccount" | "Vendor" | "Shared" | "Mailbox" | "Client" | "Temporary" | "Administrator" | "Auditor" | "Unknown";
        /**
         * @description `Active`; `Disabled` (inactive in the source directory); `Removed` (gone from the source
         *     directory but kept by Permission Assist for history).
         * @enum {string}
         */
        IdentityStatus: "Active" | "Disabled" | "Removed";
        /** @description One page of identities, ordered by last name, then first name. */
        IdentityPage: components["schemas"]["PageInfo"] & {
            items: components["schemas"]["Identity"][];
        };
        /**
         * @description A business application governed by Permission Assist. The vendor documents these six fields,
         *     both where applications are embedded (imports, access requests) and for the application
         *     operations. Its overview says application details also include connector configuration and
         *     the last import status, but publishes no field names for them, so servers may send further
         *     fields that this description does not define.
         */
        Application: {
            id: components["schemas"]["Uuid"];
            /**
             * @description Resource type; always `Application`.
             * @constant
             */
            kind: "Application";
            /** @description Application name. */
            name: string;
            priority: components["schemas"]["ApplicationPriority"];
            /** @description Whether the application is archived. Archived applications cannot receive imports. */
            isArchived: boolean;
            /**
             * @description When the application's privilege data last changed (the web interface's list calls it
             *     the date of the most recent update to privilege information).
             */
            lastUpdated: components["schemas"]["Timestamp"];
        };
        /**
         * @description Priority rating set on the application's settings.
         * @enum {string}
         */
        ApplicationPriority: "None" | "Low" | "Moderate" | "High" | "Critical";
        /** @description One page of applications. The vendor does not document their order. */
        ApplicationPage: components["schemas"]["PageInfo"] & {
            items: components["schemas"]["Application"][];
        };
        /**
         * @description One load of an application's account and permission data. The vendor's pages disagree on
         *     which fields accompany an import: list items omit `createdBy`, `log`, `files` and `metrics`;
         *     the stage reference omits `application`; one guide omits the former and includes the latter.
         *     Those five fields are therefore optional here, while the fields every page shows are required.
         */
        ApplicationImport: {
            id: components["schemas"]["Uuid"];
            /**
             * @description Resource type; always `Application Import`.
             * @constant
             */
            kind: "Application Import";
            /**
             * Format: int32
             * @description Sequential import number.
             */
            number: number;
            type: components["schemas"]["ApplicationImportType"];
            status: components["schemas"]["ApplicationImportStatus"];
            /** @description Who started the import; for imports started through the API, the token's name. */
            createdBy?: string;
            /** @description When the build started; `null` while the import is still queued. */
            buildStart: components["schemas"]["NullableTimestamp"];
            /** @description When the build ended; `null` until then. */
            buildEnd: components["schemas"]["NullableTimestamp"];
            /** @description Text log of the build; `null` before the build writes to it. */
            log?: string | null;
            /** @description The data files of this import (empty until files are attached). */
            files?: components["schemas"]["ImportFile"][];
            /**
             * @description Figures about what the import changed; `null` until the import has `Finished`. The vendor
             *     does not document the fields inside, so none is defined here: treat them as opaque.
             */
            metrics?: {
                [key: string]: unknown;
            } | null;
            application?: components["schemas"]["Application"];
        };
        /**
         * @description How the import was started: `Scheduled` by the application's import schedule, `Manual` by a
         *     user in the web interface, `API` through this API. The vendor's samples disagree for imports
         *     started through the API: the reference shows `API`, one guide `Api`, another `Scheduled` (the
         *     stage operation reuses the import schedule's settings). `Api` is accepted as a variant of `API`.
         * @enum {string}
         */
        ApplicationImportType: "Scheduled" | "Manual" | "API" | "Api";
        /**
         * @description `Pending` (queued), `Running`, `Finished`, `Failed`, `Canceling` (cancel requested) and
         *     `Canceled`. `Finished`, `Failed` and `Canceled` are final.
         * @enum {string}
         */
        ApplicationImportStatus: "Pending" | "Running" | "Finished" | "Failed" | "Canceled" | "Canceling";
        /** @description A data file belonging to an import. */
        ImportFile: {
            id: components["schemas"]["Uuid"];
            /** @description The connector file group this file fills (its id is the upload part name). */
            fileGroupId: components["schemas"]["Uuid"];
            /** @description Display name of the file group. */
            fileGroup: string;
            /** @description Original file name. */
            name: string;
        };
        /** @description One page of application imports, newest build start first. */
        ApplicationImportPage: components["schemas"]["PageInfo"] & {
            items: components["schemas"]["ApplicationImport"][];
        };
        /** @description The application whose import schedule supplies the files to import. */
        StageImportRequest: {
            /**
             * @description Application to import. It must exist, must not be archived and must have an import
             *     schedule; its data file must already be in the schedule's shared directory.
             */
            applicationId: components["schemas"]["Uuid"];
        };
        /**
         * @description One file part per connector file group, named by the file group's id; required file groups
         *     must be present and no file may be empty. `applicationId` comes either as a text part here or
         *     as the `applicationId` query parameter; one of the two is required.
         */
        UploadImportRequest: {
            /** @description Application to import into (or send it as a query parameter). */
            applicationId?: components["schemas"]["Uuid"];
        } & {
            [key: string]: string;
        };
        /** @description The import to cancel. */
        CancelImportRequest: {
            /** @description Import to cancel. It must be `Pending` or `Running`. */
            applicationImportId: components["schemas"]["Uuid"];
        };
        /**
         * @description An onboarding, offboarding, role transition or leave of absence, and the workflow it started.
         *     The vendor documents `stages`, `activity` and `comments` as arrays of objects without
         *     describing the objects, so their items are left open here; list items may omit the three arrays.
         *
         *     Only the create pages show `neededOn`, `neededUntil` and `completedOn`; the vendor's list and
         *     get pages are cut before them. They are required here because they belong to the same
         *     resource (`x-assumption` marks them), and a contract run reports their absence as an
         *     unconfirmed assumption rather than a broken server.
         */
        PersonnelEvent: {
            id: components["schemas"]["Uuid"];
            /**
             * @description Resource type; always `Personnel Event`.
             * @constant
             */
            kind: "Personnel Event";
            /**
             * Format: int32
             * @description Sequential personnel event number.
             */
            number: number;
            type: components["schemas"]["PersonnelEventType"];
            status: components["schemas"]["WorkItemStatus"];
            /** @description Who created the event; for events created through the API, the API token. */
            reporter: components["schemas"]["UserReference"];
            /** @description Who manages the event; `null` while unassigned. */
            assignee: components["schemas"]["UserReference"] | null;
            /**
             * @description The identity the event is about. An onboarding event's identity is only created when the
             *     event passes its Approve step, and the vendor does not say what is sent before then, so
             *     `null` is accepted.
             */
            affectedIdentity: components["schemas"]["Identity"] | null;
            /** @description The effective date (for a leave of absence, its first day). */
            neededOn: components["schemas"]["Timestamp"];
            /**
             * @description End date: the end of a role transition period or the expected return from a leave;
             *     `null` when none was given, and always `null` for offboarding.
             */
            neededUntil: components["schemas"]["NullableTimestamp"];
            /** @description When the event was completed; `null` until then. */
            completedOn: components["schemas"]["NullableTimestamp"];
            /**
             * @description The workflow milestones, such as Approval, Provision and Verification for offboarding or
             *     Approval, Provision and Removal for a leave of absence. The vendor does not publish the
             *     fields of a stage; the examples show a `name`.
             */
            stages?: {
                [key: string]: unknown;
            }[];
            /** @description Activity log entries. The vendor does not publish their fields. */
            activity?: {
                [key: string]: unknown;
            }[];
            /**
             * @description Comments, including the `comment` sent when the event was created. The vendor does not
             *     publish their fields; the examples show the comment's `text`.
             */
            comments?: {
                [key: string]: unknown;
            }[];
        };
        /**
         * @description Event type as responses spell it (with a space in `Role Transition`). The list filter spells
         *     it `RoleTransition`; see `PersonnelEventTypeFilter`.
         * @enum {string}
         */
        PersonnelEventType: "Onboard" | "Offboard" | "Role Transition" | "Absence";
        /**
         * @description Event type to filter by: `Onboard`, `Offboard`, `RoleTransition` or `Absence`. The server
         *     ignores case and removes white space before comparing, so `roletransition` and
         *     `Role Transition` match too. JSON Schema has no case-insensitive enum, so the accepted
         *     spellings are a pattern; `x-canonical-values` lists the spellings to send.
         * @example RoleTransition
         * @example Role Transition
         */
        PersonnelEventTypeFilter: "Onboard" | "Offboard" | "RoleTransition" | "Absence";
        /**
         * @description Status of a personnel event or access request. The vendor does not define the values for the
         *     API; the web interface's labels suggest `Pending` = needs approval, `Open` = being provisioned,
         *     `Resolved` = waiting for verification, `Completed` = done, `Canceled`, `Scheduled` = waiting
         *     for a future date, `Snoozed` = paused (a leave of absence with no return date yet).
         * @enum {string}
         */
        WorkItemStatus: "Pending" | "Open" | "Resolved" | "Completed" | "Canceled" | "Scheduled" | "Snoozed";
        /**
         * @description Status to filter personnel events or access requests by, compared without regard to case
         *     (`open` matches `Open`). JSON Schema has no case-insensitive enum, so the accepted spellings
         *     are a pattern; `x-canonical-values` lists the spellings to send.
         * @example Open
         * @example open
         */
        WorkItemStatusFilter: "Pending" | "Open" | "Resolved" | "Completed" | "Canceled" | "Scheduled" | "Snoozed";
        /** @description One page of personnel events, latest effective date first. */
        PersonnelEventPage: components["schemas"]["PageInfo"] & {
            items: components["schemas"]["PersonnelEvent"][];
        };
        /**
         * @description Identity attributes sent with onboarding and role transition events. Custom fields
         *     (`customField1`, `customField2`, ...) are accepted only when the administrator has enabled
         *     them; the vendor does not say whether a disabled one is rejected or ignored.
         *
         *     The vendor's field tables stop part way through the custom fields, so a server may accept
         *     attributes not listed here; the object is therefore not closed. Send only the fields shown.
         */
        IdentityDetails: {
            /** @description First name. */
            firstName?: string;
            /** @description Last name. */
            lastName?: string;
            /** @description Email address (responses call it `emailAddress`). */
            email?: string;
            /** @description The supervisor; must be an existing identity. */
            supervisorId?: components["schemas"]["Uuid"];
            /** @description Company. */
            company?: string;
            /** @description Division. */
            division?: string;
            /** @description Department (note the shorter limit). */
            department?: string;
            /** @description Office location. */
            office?: string;
            /** @description Job title. */
            title?: string;
            identityType?: components["schemas"]["IdentityTypeInput"];
        } & {
            [key: `customField${number}`]: string;
        };
        /** @description The person to onboard. `identityType` defaults to `Employee`. */
        OnboardIdentity: WithRequired<components["schemas"]["IdentityDetails"], "firstName" | "lastName">;
        /**
         * @description A person joining. They are not an identity yet, so their details come in `identity`; the
         *     identity is created when the event passes its Approve step. The vendor's reference page is
         *     cut inside the identity fields (its guide shows the rest), so the body is not closed here.
         */
        CreateOnboardEventRequest: {
            identity: components["schemas"]["OnboardIdentity"];
            /** @description First working day. Must be today or later. */
            effectiveDate: components["schemas"]["EventDate"];
            /** @description Added to the event as its first comment. */
            comment?: string;
        };
        /** @description An identity leaving the organisation; their access is to be removed. */
        CreateOffboardEventRequest: {
            /** @description The identity leaving; must exist. */
            identityId: components["schemas"]["Uuid"];
            /** @description Date the offboarding takes effect. Must be today or later. */
            effectiveDate: components["schemas"]["EventDate"];
            /** @description Added to the event as its first comment. */
            comment?: string;
        };
        /**
         * @description An identity changing position. `identity` updates their attributes for the new role: only
         *     the fields sent change. The vendor's reference page is cut inside the identity fields, so
         *     the body is not closed here.
         */
        CreateRoleTransitionEventRequest: {
            /** @description The identity changing roles; must exist. */
            identityId: components["schemas"]["Uuid"];
            /** @description Date the new role starts. Must be today or later. */
            effectiveDate: components["schemas"]["EventDate"];
            /** @description End of the transition period, if there is one. Must be after `effectiveDate`. */
            endDate?: components["schemas"]["EventDate"];
            identity?: components["schemas"]["IdentityDetails"];
            /**
             * @description Added to the event as its first comment. The vendor's role transition page was cut before
             *     this field; it is accepted here as on every other create operation.
             */
            comment?: string;
        };
        /**
         * @description An identity going on leave: access is suspended from `effectiveDate` and restored on return.
         *     Without `endDate` the restore step is snoozed until a return date is known.
         */
        CreateLeaveOfAbsenceEventRequest: {
            /** @description The identity going on leave; must exist. */
            identityId: components["schemas"]["Uuid"];
            /** @description First day of the leave. Must be today or later. */
            effectiveDate: components["schemas"]["EventDate"];
            /** @description Expected return date. Must be after `effectiveDate`. */
            endDate?: components["schemas"]["EventDate"];
            /** @description Added to the event as its first comment. */
            comment?: string;
        };
        /**
         * @description One provisioning task for one account or group in one application. The single-request
         *     operation returns further detail (privileges, activity, comments, approvals, related items)
         *     whose fields the vendor has not published; servers may therefore send more fields than these.
         */
        AccessRequest: {
            id: components["schemas"]["Uuid"];
            /**
             * @description Resource type; always `Access Request`.
             * @constant
             */
            kind: "Access Request";
            /**
             * Format: int32
             * @description Sequential access request number.
             */
            number: number;
            action: components["schemas"]["AccessRequestAction"];
            status: components["schemas"]["WorkItemStatus"];
            /** @description Who created the request (`Permission Assist` when the system did). */
            reporter: components["schemas"]["UserReference"];
            /** @description Who is to carry out the request; `null` while unassigned. */
            assignee: components["schemas"]["UserReference"] | null;
            target: components["schemas"]["AccessRequestTarget"];
            /** @description When work is scheduled to start; `null` if not scheduled. */
            scheduledStart: components["schemas"]["NullableTimestamp"];
            /** @description When work started. */
            startedOn: components["schemas"]["NullableTimestamp"];
            /** @description When the request was approved. */
            approvedOn: components["schemas"]["NullableTimestamp"];
            /** @description When the provisioner marked it resolved. */
            resolvedOn: components["schemas"]["NullableTimestamp"];
            /** @description When the change was verified. */
            verifiedOn: components["schemas"]["NullableTimestamp"];
            /** @description When the request was completed. */
            completedOn: components["schemas"]["NullableTimestamp"];
            /** @description When the request was canceled. */
            canceledOn: components["schemas"]["NullableTimestamp"];
        };
        /**
         * @description `Add` a new account (or change its account information), `Change` its permissions, `Remove`
         *     it, `Suspend` (disable) it, `Restore` (re-enable) it.
         * @enum {string}
         */
        AccessRequestAction: "Add" | "Change" | "Remove" | "Suspend" | "Restore";
        /**
         * @description Action to filter access requests by, compared without regard to case (`remove` matches
         *     `Remove`). JSON Schema has no case-insensitive enum, so the accepted spellings are a
         *     pattern; `x-canonical-values` lists the spellings to send.
         * @example Remove
         */
        AccessRequestActionFilter: "Add" | "Change" | "Remove" | "Suspend" | "Restore";
        /** @description The user account or group the request changes. */
        AccessRequestTarget: components["schemas"]["UserTarget"] | components["schemas"]["GroupTarget"];
        /**
         * @description A user account. `affectedIdentity` is the identity that owns it; the vendor documents `null`
         *     only for groups, but an account matched to no identity may also come with `null`.
         */
        UserTarget: {
            /**
             * @description Target type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "User";
            /** @description Account name in the application. */
            name: string;
            affectedIdentity: components["schemas"]["Identity"] | null;
            application: components["schemas"]["Application"];
        };
        /**
         * @description A group. The vendor documents `nomenclature` as present exactly when the target is a group,
         *     so it is required here, and a group has no identity.
         */
        GroupTarget: {
            /**
             * @description Target type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "Group";
            /** @description Group name. */
            name: string;
            /** @description The group's nomenclature (its full name in the application's directory). */
            nomenclature: string;
            /** @description Always `null` for groups. */
            affectedIdentity: null;
            application: components["schemas"]["Application"];
        };
        /** @description One page of access requests, newest first (by the date they were created). */
        AccessRequestPage: components["schemas"]["PageInfo"] & {
            items: components["schemas"]["AccessRequest"][];
        };
        /**
         * @description What Permission Assist posts to a configured webhook when an access request event happens.
         *     The vendor has not published the list of event names, nor how deliveries are signed or retried.
         */
        AccessRequestWebhookPayload: {
            /** @description Id of this delivery. */
            id: components["schemas"]["Uuid"];
            /** @description When the notification was generated. */
            createdDate: components["schemas"]["Timestamp"];
            /**
             * Format: uri
             * @description Where your receiver may answer; answers appear in the access request's activity log.
             *     The vendor does not document the method or body of that answer.
             */
            callback: string;
            event: components["schemas"]["AccessRequestWebhookEvent"];
        };
        /** @description What happened, and the access request as it was at that moment. */
        AccessRequestWebhookEvent: {
            /**
             * @description Machine-readable event name, such as `AccessRequestCreated`. The vendor's list of event
             *     names is not published, so match the names you handle and ignore the others.
             */
            name: string;
            /** @description Event name for people, such as `Access Request Created`. */
            display: string;
            /** @description The condition that triggered the notification. */
            description: string;
            /**
             * @description The access request when the event happened. The vendor's page is cut after `reporter`;
             *     this description takes the rest to be the same representation the access request
             *     operations return.
             */
            request: components["schemas"]["AccessRequest"];
        };
    };
    responses: {
        /**
         * @description `validation_error`: a parameter or body field is missing or invalid. `errors` lists each
         *     offending field. Nothing was changed.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unauthorized`: the bearer token is missing, unknown, deleted or expired. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description `forbidden`: the token is valid but may not do this. Tokens are not scoped, and the vendor
         *     does not say when a valid token is refused; the status is listed because the vendor's error
         *     table includes it.
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `not_found`: no resource has the id given. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `conflict`: the resource is in a state that does not allow the request. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unprocessable_entity`: the request is well formed but a precondition is not met. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description `server_error` (an unexpected failure) or `creation_failed` (the resource could not be
         *     created). Quote the `correlationId` to support.
         */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Any other error status, with the same `Error` body. The vendor's error table lists `409
         *     conflict` and `422 unprocessable_entity` for the whole API without saying which operations
         *     use them, and a server (or a proxy in front of it) may refuse a request for reasons of its
         *     own, such as a body that is too large. Whatever the status, expect this body.
         */
        OtherError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Page to return, from 1. Pages hold 50 items.
         * @example 2
         */
        Page: number;
        /**
         * @description Id of the personnel event.
         * @example f6a7b8c9-d0e1-2345-6789-abcdef012345
         */
        PersonnelEventId: components["schemas"]["Uuid"];
        /**
         * @description Id of the application import.
         * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
         */
        ApplicationImportId: components["schemas"]["Uuid"];
        /**
         * @description Id of the application.
         * @example b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e
         */
        ApplicationId: components["schemas"]["Uuid"];
        /**
         * @description Id of the identity.
         * @example 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b
         */
        IdentityId: components["schemas"]["Uuid"];
        /**
         * @description Id of the access request.
         * @example a2b3c4d5-e6f7-8901-2345-6789abcdef01
         */
        AccessRequestId: components["schemas"]["Uuid"];
        /**
         * @description Only items whose affected identity is this one.
         * @example d4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b
         */
        IdentityIdFilter: components["schemas"]["Uuid"];
        /**
         * @description Only items of this application.
         * @example b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e
         */
        ApplicationIdFilter: components["schemas"]["Uuid"];
        /**
         * @description Only items with this status. Case-insensitive (`open` matches `Open`).
         * @example Open
         */
        WorkItemStatusFilter: components["schemas"]["WorkItemStatusFilter"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPersonnelEvents: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Pages hold 50 items.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Only items whose affected identity is this one.
                 * @example d4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b
                 */
                identityId?: components["parameters"]["IdentityIdFilter"];
                /**
                 * @description Only events of this type. Spelled without the space (`RoleTransition`); the server ignores
                 *     case and spaces, so `Role Transition` matches too.
                 * @example Offboard
                 */
                type?: components["schemas"]["PersonnelEventTypeFilter"];
                /**
                 * @description Only items with this status. Case-insensitive (`open` matches `Open`).
                 * @example Open
                 */
                status?: components["parameters"]["WorkItemStatusFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of personnel events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonnelEventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    getPersonnelEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the personnel event.
                 * @example f6a7b8c9-d0e1-2345-6789-abcdef012345
                 */
                id: components["parameters"]["PersonnelEventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The personnel event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonnelEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    createOnboardEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOnboardEventRequest"];
            };
        };
        responses: {
            /** @description The event was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonnelEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    createOffboardEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOffboardEventRequest"];
            };
        };
        responses: {
            /** @description The event was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonnelEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    createRoleTransitionEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoleTransitionEventRequest"];
            };
        };
        responses: {
            /** @description The event was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonnelEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    createLeaveOfAbsenceEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLeaveOfAbsenceEventRequest"];
            };
        };
        responses: {
            /** @description The event was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonnelEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    listApplicationImports: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Pages hold 50 items.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Only items of this application.
                 * @example b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e
                 */
                applicationId?: components["parameters"]["ApplicationIdFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of application imports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationImportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    getApplicationImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the application import.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["parameters"]["ApplicationImportId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application import. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    stageApplicationImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StageImportRequest"];
            };
        };
        responses: {
            /** @description The import was queued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    uploadApplicationImport: {
        parameters: {
            query?: {
                /**
                 * @description The application, when it is not sent as a form field.
                 * @example b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e
                 */
                applicationId?: components["schemas"]["Uuid"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadImportRequest"];
            };
        };
        responses: {
            /** @description The import was queued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    cancelApplicationImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelImportRequest"];
            };
        };
        responses: {
            /** @description Cancellation requested; the import is `Canceling`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    listApplications: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Pages hold 50 items.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of applications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the application.
                 * @example b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e
                 */
                id: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    listIdentities: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Pages hold 50 items.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of identities. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    getIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the identity.
                 * @example 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b
                 */
                id: components["parameters"]["IdentityId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The identity. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Identity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    listAccessRequests: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Pages hold 50 items.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Only items whose affected identity is this one.
                 * @example d4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b
                 */
                identityId?: components["parameters"]["IdentityIdFilter"];
                /**
                 * @description Only items of this application.
                 * @example b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e
                 */
                applicationId?: components["parameters"]["ApplicationIdFilter"];
                /**
                 * @description Only items with this status. Case-insensitive (`open` matches `Open`).
                 * @example Open
                 */
                status?: components["parameters"]["WorkItemStatusFilter"];
                /**
                 * @description Only requests with this `action`. Case-insensitive (`remove` matches `Remove`).
                 * @example Remove
                 */
                type?: components["schemas"]["AccessRequestActionFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of access requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequestPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    getAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the access request.
                 * @example a2b3c4d5-e6f7-8901-2345-6789abcdef01
                 */
                id: components["parameters"]["AccessRequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The access request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            default: components["responses"]["OtherError"];
        };
    };
    receiveAccessRequestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessRequestWebhookPayload"];
            };
        };
        responses: {
            /** @description Delivery acknowledged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
