// generated — do not edit. Produced from spec/openapi.yaml by packages/cli/scripts/generate.mjs.
import type { ResourceModel } from '../model-types.js';

/** Every resource of the API with its actions and their flags, as the spec describes them. */
export const resources: ResourceModel[] = [
  {
    "name": "personnel-events",
    "aliases": [
      "events"
    ],
    "property": "personnelEvents",
    "description": "Onboarding, offboarding, role transitions and leaves of absence reported by HR. Each event starts the access work its type implies (granting, removing, suspending and restoring access).",
    "singular": "PersonnelEvent",
    "actions": [
      {
        "name": "list",
        "aliases": [],
        "clientMethod": "list",
        "operationId": "listPersonnelEvents",
        "httpMethod": "GET",
        "path": "/api/personnel-events",
        "summary": "List personnel events",
        "description": "Pages through personnel events, latest effective date first. Combine the filters to find, for example, every open event of one identity. `type` and `status` ignore case. The vendor does not say what an unknown filter value gets; this description answers it with `400`, as for any other invalid parameter.",
        "query": [
          {
            "name": "page",
            "key": "page",
            "description": "Page to return, from 1. Pages hold 50 items.",
            "required": false,
            "type": "integer",
            "format": "int32",
            "minimum": 1
          },
          {
            "name": "identity-id",
            "key": "identityId",
            "description": "Only items whose affected identity is this one.",
            "required": false,
            "type": "string",
            "format": "uuid"
          },
          {
            "name": "type",
            "key": "type",
            "description": "Only events of this type. Spelled without the space (`RoleTransition`); the server ignores case and spaces, so `Role Transition` matches too.",
            "required": false,
            "type": "string",
            "values": [
              "Onboard",
              "Offboard",
              "RoleTransition",
              "Absence"
            ],
            "ignoreCase": true
          },
          {
            "name": "status",
            "key": "status",
            "description": "Only items with this status. Case-insensitive (`open` matches `Open`).",
            "required": false,
            "type": "string",
            "values": [
              "Pending",
              "Open",
              "Resolved",
              "Completed",
              "Canceled",
              "Scheduled",
              "Snoozed"
            ],
            "ignoreCase": true
          }
        ],
        "bodyFields": [],
        "paginated": true,
        "success": 200,
        "waits": false
      },
      {
        "name": "get",
        "aliases": [],
        "clientMethod": "get",
        "operationId": "getPersonnelEvent",
        "httpMethod": "GET",
        "path": "/api/personnel-events/{id}",
        "summary": "Get a personnel event",
        "description": "Returns one personnel event with its workflow stages, activity log and comments. A malformed id is answered with `400` (the vendor does not say whether 400 or 404).",
        "pathParam": {
          "name": "id",
          "description": "Id of the personnel event."
        },
        "query": [],
        "bodyFields": [],
        "paginated": false,
        "success": 200,
        "waits": false
      },
      {
        "name": "onboard",
        "aliases": [
          "create-onboard"
        ],
        "clientMethod": "createOnboard",
        "operationId": "createOnboardEvent",
        "httpMethod": "POST",
        "path": "/api/personnel-events/onboard",
        "summary": "Create an onboarding event",
        "description": "Reports a person joining the organisation. As they are not an identity yet, their details come in `identity` (first and last name required); the identity is created when the event passes its Approve step. The event then runs the usual onboarding workflow.",
        "query": [],
        "bodyFields": [
          {
            "name": "effective-date",
            "key": "effectiveDate",
            "description": "First working day. Must be today or later.",
            "required": true,
            "type": "string"
          },
          {
            "name": "comment",
            "key": "comment",
            "description": "Added to the event as its first comment.",
            "required": false,
            "type": "string"
          }
        ],
        "body": "json",
        "paginated": false,
        "success": 201,
        "bodyExample": {
          "identity": {
            "firstName": "Daniel",
            "lastName": "Okafor",
            "email": "dokafor@firstbankofvalkyrie.com",
            "supervisorId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
            "company": "First Bank of Valkyrie",
            "division": "Retail Banking",
            "department": "Consumer Lending",
            "office": "Main Street Branch",
            "title": "Loan Officer",
            "identityType": "Employee"
          },
          "effectiveDate": "2026-03-15",
          "comment": "New hire for the Main Street branch lending team."
        },
        "waits": true
      },
      {
        "name": "offboard",
        "aliases": [
          "create-offboard"
        ],
        "clientMethod": "createOffboard",
        "operationId": "createOffboardEvent",
        "httpMethod": "POST",
        "path": "/api/personnel-events/offboard",
        "summary": "Create an offboarding event",
        "description": "Reports an identity leaving the organisation, which starts the removal of their access. An event whose effective date is in the future is `Scheduled` until then.",
        "query": [],
        "bodyFields": [
          {
            "name": "identity-id",
            "key": "identityId",
            "description": "The identity leaving; must exist.",
            "required": true,
            "type": "string",
            "format": "uuid"
          },
          {
            "name": "effective-date",
            "key": "effectiveDate",
            "description": "Date the offboarding takes effect. Must be today or later.",
            "required": true,
            "type": "string"
          },
          {
            "name": "comment",
            "key": "comment",
            "description": "Added to the event as its first comment.",
            "required": false,
            "type": "string"
          }
        ],
        "body": "json",
        "paginated": false,
        "success": 201,
        "bodyExample": {
          "identityId": "d4a7e2b1-3f5c-4a8d-9e6b-1c2d3e4f5a6b",
          "effectiveDate": "2026-04-15T00:00:00Z",
          "comment": "Last day in office is April 14. Collect badge and laptop."
        },
        "waits": true
      },
      {
        "name": "role-transition",
        "aliases": [
          "create-role-transition"
        ],
        "clientMethod": "createRoleTransition",
        "operationId": "createRoleTransitionEvent",
        "httpMethod": "POST",
        "path": "/api/personnel-events/role-transition",
        "summary": "Create a role transition event",
        "description": "Reports an identity moving to another position. Send the attributes that change in `identity`; the others keep their values. `endDate` closes a temporary transition period. Not idempotent: do not retry blindly.",
        "query": [],
        "bodyFields": [
          {
            "name": "identity-id",
            "key": "identityId",
            "description": "The identity changing roles; must exist.",
            "required": true,
            "type": "string",
            "format": "uuid"
          },
          {
            "name": "effective-date",
            "key": "effectiveDate",
            "description": "Date the new role starts. Must be today or later.",
            "required": true,
            "type": "string"
          },
          {
            "name": "end-date",
            "key": "endDate",
            "description": "End of the transition period, if there is one. Must be after `effectiveDate`.",
            "required": false,
            "type": "string"
          },
          {
            "name": "comment",
            "key": "comment",
            "description": "Added to the event as its first comment. The vendor's role transition page was cut before this field; it is accepted here as on every other create operation.",
            "required": false,
            "type": "string"
          }
        ],
        "body": "json",
        "paginated": false,
        "success": 201,
        "bodyExample": {
          "identityId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
          "effectiveDate": "2026-03-02T00:00:00Z",
          "identity": {
            "title": "Regional Operations Manager",
            "department": "Regional Operations",
            "office": "Head Office"
          }
        },
        "waits": true
      },
      {
        "name": "leave-of-absence",
        "aliases": [
          "create-leave-of-absence"
        ],
        "clientMethod": "createLeaveOfAbsence",
        "operationId": "createLeaveOfAbsenceEvent",
        "httpMethod": "POST",
        "path": "/api/personnel-events/leave-of-absence",
        "summary": "Create a leave of absence event",
        "description": "Reports an identity going on leave: access is suspended from `effectiveDate` and restored on return. Leave out `endDate` when the return date is unknown; the restore step then waits (`Snoozed`) until someone sets it. Not idempotent: do not retry blindly.",
        "query": [],
        "bodyFields": [
          {
            "name": "identity-id",
            "key": "identityId",
            "description": "The identity going on leave; must exist.",
            "required": true,
            "type": "string",
            "format": "uuid"
          },
          {
            "name": "effective-date",
            "key": "effectiveDate",
            "description": "First day of the leave. Must be today or later.",
            "required": true,
            "type": "string"
          },
          {
            "name": "end-date",
            "key": "endDate",
            "description": "Expected return date. Must be after `effectiveDate`.",
            "required": false,
            "type": "string"
          },
          {
            "name": "comment",
            "key": "comment",
            "description": "Added to the event as its first comment.",
            "required": false,
            "type": "string"
          }
        ],
        "body": "json",
        "paginated": false,
        "success": 201,
        "bodyExample": {
          "identityId": "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
          "effectiveDate": "2026-05-01T00:00:00Z",
          "endDate": "2026-07-31T00:00:00Z",
          "comment": "Parental leave."
        },
        "waits": true
      }
    ],
    "waiter": {
      "field": "status",
      "success": [
        "Completed"
      ],
      "failure": [
        "Canceled"
      ],
      "retry": [
        "Pending",
        "Open",
        "Resolved",
        "Scheduled",
        "Snoozed"
      ]
    }
  },
  {
    "name": "application-imports",
    "aliases": [
      "imports"
    ],
    "property": "applicationImports",
    "description": "Loads of account and permission data from a business application into Permission Assist. Stage one that reads the files of the application's import schedule, or upload the files yourself; then follow it until it finishes.",
    "singular": "ApplicationImport",
    "actions": [
      {
        "name": "list",
        "aliases": [],
        "clientMethod": "list",
        "operationId": "listApplicationImports",
        "httpMethod": "GET",
        "path": "/api/application-imports",
        "summary": "List application imports",
        "description": "Pages through application imports, latest build start first. The only filter the vendor documents is `applicationId`. List items carry the application but not `createdBy`, `log`, `files` or `metrics`; get the import for those.",
        "query": [
          {
            "name": "page",
            "key": "page",
            "description": "Page to return, from 1. Pages hold 50 items.",
            "required": false,
            "type": "integer",
            "format": "int32",
            "minimum": 1
          },
          {
            "name": "application-id",
            "key": "applicationId",
            "description": "Only items of this application.",
            "required": false,
            "type": "string",
            "format": "uuid"
          }
        ],
        "bodyFields": [],
        "paginated": true,
        "success": 200,
        "waits": false
      },
      {
        "name": "get",
        "aliases": [],
        "clientMethod": "get",
        "operationId": "getApplicationImport",
        "httpMethod": "GET",
        "path": "/api/application-imports/{id}",
        "summary": "Get an application import",
        "description": "Returns one import with its files, log and metrics: poll it to follow an import you staged or uploaded. The vendor lists this operation but its page could not be found; the path follows the API's pattern for every other single resource and the body is the full import.",
        "pathParam": {
          "name": "id",
          "description": "Id of the application import."
        },
        "query": [],
        "bodyFields": [],
        "paginated": false,
        "success": 200,
        "waits": false
      },
      {
        "name": "stage",
        "aliases": [],
        "clientMethod": "stage",
        "operationId": "stageApplicationImport",
        "httpMethod": "POST",
        "path": "/api/application-imports/stage",
        "summary": "Stage an application import",
        "description": "Queues an import that reads the data files named by the application's import schedule (the files must already be in its shared directory). The application must exist, must not be archived and must have an import schedule. The response (`201`, status `Pending`) only means the import is queued: follow it with `getApplicationImport`.",
        "query": [],
        "bodyFields": [
          {
            "name": "application-id",
            "key": "applicationId",
            "description": "Application to import. It must exist, must not be archived and must have an import schedule; its data file must already be in the schedule's shared directory.",
            "required": true,
            "type": "string",
            "format": "uuid"
          }
        ],
        "body": "json",
        "paginated": false,
        "success": 201,
        "bodyExample": {
          "applicationId": "b8c1d2e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e"
        },
        "waits": true
      },
      {
        "name": "upload",
        "aliases": [],
        "clientMethod": "upload",
        "operationId": "uploadApplicationImport",
        "httpMethod": "POST",
        "path": "/api/application-imports/upload",
        "summary": "Upload files for an application import",
        "description": "Queues an import from files you send, for applications with a file-based connector (no shared directory needed). Send one file part per connector file group, named by the file group's id; required groups must be present and no file may be empty. Give the application as the `applicationId` form field or query parameter.",
        "query": [
          {
            "name": "application-id",
            "key": "applicationId",
            "description": "The application, when it is not sent as a form field.",
            "required": false,
            "type": "string",
            "format": "uuid"
          }
        ],
        "bodyFields": [],
        "body": "multipart",
        "fileField": "file",
        "paginated": false,
        "success": 201,
        "waits": true
      },
      {
        "name": "cancel",
        "aliases": [],
        "clientMethod": "cancel",
        "operationId": "cancelApplicationImport",
        "httpMethod": "POST",
        "path": "/api/application-imports/cancel",
        "summary": "Cancel an application import",
        "description": "Asks for a `Pending` or `Running` import to stop. The answer (`200`) shows the import as `Canceling`; it becomes `Canceled` once the build job has stopped. The id goes in the body, not the path. An unknown id gets `404` and an import that is already `Finished`, `Failed`, `Canceled` or `Canceling` gets `409 conflict` (the vendor's page is cut before its errors; these follow its error table).",
        "idField": "applicationImportId",
        "query": [],
        "bodyFields": [
          {
            "name": "application-import-id",
            "key": "applicationImportId",
            "description": "Import to cancel. It must be `Pending` or `Running`.",
            "required": true,
            "type": "string",
            "format": "uuid"
          }
        ],
        "body": "json",
        "paginated": false,
        "success": 200,
        "bodyExample": {
          "applicationImportId": "f1e2d3c4-b5a6-9788-7654-321fedcba098"
        },
        "waitUntil": [
          "Canceled"
        ],
        "waits": true
      }
    ],
    "waiter": {
      "field": "status",
      "success": [
        "Finished"
      ],
      "failure": [
        "Failed",
        "Canceled"
      ],
      "retry": [
        "Pending",
        "Running",
        "Canceling"
      ]
    }
  },
  {
    "name": "applications",
    "aliases": [],
    "property": "applications",
    "description": "The business applications whose accounts and permissions Permission Assist governs (read-only).",
    "singular": "Application",
    "actions": [
      {
        "name": "list",
        "aliases": [],
        "clientMethod": "list",
        "operationId": "listApplications",
        "httpMethod": "GET",
        "path": "/api/applications",
        "summary": "List applications",
        "description": "Pages through the applications Permission Assist governs. The vendor lists this operation without publishing its page: the path, the envelope and the fields follow the rest of the API, no filters are defined, and the order is not documented. Whether archived applications are included is not documented either.",
        "query": [
          {
            "name": "page",
            "key": "page",
            "description": "Page to return, from 1. Pages hold 50 items.",
            "required": false,
            "type": "integer",
            "format": "int32",
            "minimum": 1
          }
        ],
        "bodyFields": [],
        "paginated": true,
        "success": 200,
        "waits": false
      },
      {
        "name": "get",
        "aliases": [],
        "clientMethod": "get",
        "operationId": "getApplication",
        "httpMethod": "GET",
        "path": "/api/applications/{id}",
        "summary": "Get an application",
        "description": "Returns one application. Its id is the `applicationId` the import operations take. The vendor lists this operation without publishing its page; the path and body follow the rest of the API.",
        "pathParam": {
          "name": "id",
          "description": "Id of the application."
        },
        "query": [],
        "bodyFields": [],
        "paginated": false,
        "success": 200,
        "waits": false
      }
    ]
  },
  {
    "name": "identities",
    "aliases": [],
    "property": "identities",
    "description": "People and non-person accounts (service accounts, shared mailboxes, vendors...) known to Permission Assist (read-only). Identities are created by imports and by approved onboarding events.",
    "singular": "Identity",
    "actions": [
      {
        "name": "list",
        "aliases": [],
        "clientMethod": "list",
        "operationId": "listIdentities",
        "httpMethod": "GET",
        "path": "/api/identities",
        "summary": "List identities",
        "description": "Pages through every identity, people and non-person accounts alike, ordered by last name and then first name. There are no filters. One person may have several identities (for example a standard and an administrator account).",
        "query": [
          {
            "name": "page",
            "key": "page",
            "description": "Page to return, from 1. Pages hold 50 items.",
            "required": false,
            "type": "integer",
            "format": "int32",
            "minimum": 1
          }
        ],
        "bodyFields": [],
        "paginated": true,
        "success": 200,
        "waits": false
      },
      {
        "name": "get",
        "aliases": [],
        "clientMethod": "get",
        "operationId": "getIdentity",
        "httpMethod": "GET",
        "path": "/api/identities/{id}",
        "summary": "Get an identity",
        "description": "Returns one identity. An unknown id gets `404 not_found`; a malformed one gets `400`.",
        "pathParam": {
          "name": "id",
          "description": "Id of the identity."
        },
        "query": [],
        "bodyFields": [],
        "paginated": false,
        "success": 200,
        "waits": false
      }
    ]
  },
  {
    "name": "access-requests",
    "aliases": [
      "requests"
    ],
    "property": "accessRequests",
    "description": "Individual provisioning tasks: add, change, remove, suspend or restore one account's or group's access in one application (read-only). They come from reviews, from personnel events and from requests made in the web interface.",
    "singular": "AccessRequest",
    "actions": [
      {
        "name": "list",
        "aliases": [],
        "clientMethod": "list",
        "operationId": "listAccessRequests",
        "httpMethod": "GET",
        "path": "/api/access-requests",
        "summary": "List access requests",
        "description": "Pages through access requests, newest first. Filter by affected identity, application, status and action; note that the action filter is called `type` while the field it matches is `action`. `status` and `type` ignore case. An unknown filter value gets `400` (the vendor does not say).",
        "query": [
          {
            "name": "page",
            "key": "page",
            "description": "Page to return, from 1. Pages hold 50 items.",
            "required": false,
            "type": "integer",
            "format": "int32",
            "minimum": 1
          },
          {
            "name": "identity-id",
            "key": "identityId",
            "description": "Only items whose affected identity is this one.",
            "required": false,
            "type": "string",
            "format": "uuid"
          },
          {
            "name": "application-id",
            "key": "applicationId",
            "description": "Only items of this application.",
            "required": false,
            "type": "string",
            "format": "uuid"
          },
          {
            "name": "status",
            "key": "status",
            "description": "Only items with this status. Case-insensitive (`open` matches `Open`).",
            "required": false,
            "type": "string",
            "values": [
              "Pending",
              "Open",
              "Resolved",
              "Completed",
              "Canceled",
              "Scheduled",
              "Snoozed"
            ],
            "ignoreCase": true
          },
          {
            "name": "type",
            "key": "type",
            "description": "Only requests with this `action`. Case-insensitive (`remove` matches `Remove`).",
            "required": false,
            "type": "string",
            "values": [
              "Add",
              "Change",
              "Remove",
              "Suspend",
              "Restore"
            ],
            "ignoreCase": true
          }
        ],
        "bodyFields": [],
        "paginated": true,
        "success": 200,
        "waits": false
      },
      {
        "name": "get",
        "aliases": [],
        "clientMethod": "get",
        "operationId": "getAccessRequest",
        "httpMethod": "GET",
        "path": "/api/access-requests/{id}",
        "summary": "Get an access request",
        "description": "Returns one access request. The vendor says this view adds privileges, the activity log, comments, approvals and related review items, but does not publish their fields; they are not defined here and may appear as extra fields.",
        "pathParam": {
          "name": "id",
          "description": "Id of the access request."
        },
        "query": [],
        "bodyFields": [],
        "paginated": false,
        "success": 200,
        "waits": false
      }
    ],
    "waiter": {
      "field": "status",
      "success": [
        "Completed"
      ],
      "failure": [
        "Canceled"
      ],
      "retry": [
        "Pending",
        "Open",
        "Resolved",
        "Scheduled",
        "Snoozed"
      ]
    }
  }
];
