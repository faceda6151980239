// generated — do not edit. Produced from spec/openapi.yaml by packages/cli/scripts/generate.mjs.

/** JSON Schema (2020-12) of the access request webhook payload, from the spec's `webhooks`. */
export const webhookSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$ref": "#/$defs/AccessRequestWebhookPayload",
  "$defs": {
    "AccessRequest": {
      "type": "object",
      "description": "One provisioning task for one account or group in one application. The single-request\noperation returns further detail (privileges, activity, comments, approvals, related items)\nwhose fields the vendor has not published; servers may therefore send more fields than these.\n",
      "required": [
        "id",
        "kind",
        "number",
        "action",
        "status",
        "reporter",
        "assignee",
        "target",
        "scheduledStart",
        "startedOn",
        "approvedOn",
        "resolvedOn",
        "verifiedOn",
        "completedOn",
        "canceledOn"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Uuid"
        },
        "kind": {
          "type": "string",
          "const": "Access Request",
          "description": "Resource type; always `Access Request`."
        },
        "number": {
          "type": "integer",
          "format": "int32",
          "description": "Sequential access request number."
        },
        "action": {
          "$ref": "#/$defs/AccessRequestAction"
        },
        "status": {
          "$ref": "#/$defs/WorkItemStatus"
        },
        "reporter": {
          "$ref": "#/$defs/UserReference",
          "description": "Who created the request (`Permission Assist` when the system did)."
        },
        "assignee": {
          "description": "Who is to carry out the request; `null` while unassigned.",
          "oneOf": [
            {
              "$ref": "#/$defs/UserReference"
            },
            {
              "type": "null"
            }
          ]
        },
        "target": {
          "$ref": "#/$defs/AccessRequestTarget"
        },
        "scheduledStart": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When work is scheduled to start; `null` if not scheduled."
        },
        "startedOn": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When work started."
        },
        "approvedOn": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When the request was approved."
        },
        "resolvedOn": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When the provisioner marked it resolved."
        },
        "verifiedOn": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When the change was verified."
        },
        "completedOn": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When the request was completed."
        },
        "canceledOn": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When the request was canceled."
        }
      }
    },
    "AccessRequestAction": {
      "type": "string",
      "description": "`Add` a new account (or change its account information), `Change` its permissions, `Remove`\nit, `Suspend` (disable) it, `Restore` (re-enable) it.\n",
      "enum": [
        "Add",
        "Change",
        "Remove",
        "Suspend",
        "Restore"
      ]
    },
    "AccessRequestTarget": {
      "type": "object",
      "description": "The user account or group the request changes.",
      "oneOf": [
        {
          "$ref": "#/$defs/UserTarget"
        },
        {
          "$ref": "#/$defs/GroupTarget"
        }
      ]
    },
    "AccessRequestWebhookEvent": {
      "type": "object",
      "description": "What happened, and the access request as it was at that moment.",
      "required": [
        "name",
        "display",
        "description",
        "request"
      ],
      "properties": {
        "name": {
          "type": "string",
          "description": "Machine-readable event name, such as `AccessRequestCreated`. The vendor's list of event\nnames is not published, so match the names you handle and ignore the others.\n"
        },
        "display": {
          "type": "string",
          "description": "Event name for people, such as `Access Request Created`."
        },
        "description": {
          "type": "string",
          "description": "The condition that triggered the notification."
        },
        "request": {
          "$ref": "#/$defs/AccessRequest",
          "description": "The access request when the event happened. The vendor's page is cut after `reporter`;\nthis description takes the rest to be the same representation the access request\noperations return.\n"
        }
      }
    },
    "AccessRequestWebhookPayload": {
      "type": "object",
      "description": "What Permission Assist posts to a configured webhook when an access request event happens.\nThe vendor has not published the list of event names, nor how deliveries are signed or retried.\n",
      "required": [
        "id",
        "createdDate",
        "callback",
        "event"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Uuid",
          "description": "Id of this delivery."
        },
        "createdDate": {
          "$ref": "#/$defs/Timestamp",
          "description": "When the notification was generated."
        },
        "callback": {
          "type": "string",
          "format": "uri",
          "description": "Where your receiver may answer; answers appear in the access request's activity log.\nThe vendor does not document the method or body of that answer.\n"
        },
        "event": {
          "$ref": "#/$defs/AccessRequestWebhookEvent"
        }
      }
    },
    "Application": {
      "type": "object",
      "description": "A business application governed by Permission Assist. The vendor documents these six fields,\nboth where applications are embedded (imports, access requests) and for the application\noperations. Its overview says application details also include connector configuration and\nthe last import status, but publishes no field names for them, so servers may send further\nfields that this description does not define.\n",
      "required": [
        "id",
        "kind",
        "name",
        "priority",
        "isArchived",
        "lastUpdated"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Uuid"
        },
        "kind": {
          "type": "string",
          "const": "Application",
          "description": "Resource type; always `Application`."
        },
        "name": {
          "type": "string",
          "description": "Application name."
        },
        "priority": {
          "$ref": "#/$defs/ApplicationPriority"
        },
        "isArchived": {
          "type": "boolean",
          "description": "Whether the application is archived. Archived applications cannot receive imports."
        },
        "lastUpdated": {
          "$ref": "#/$defs/Timestamp",
          "description": "When the application's privilege data last changed (the web interface's list calls it\nthe date of the most recent update to privilege information).\n"
        }
      }
    },
    "ApplicationPriority": {
      "type": "string",
      "description": "Priority rating set on the application's settings.",
      "enum": [
        "None",
        "Low",
        "Moderate",
        "High",
        "Critical"
      ]
    },
    "GroupTarget": {
      "type": "object",
      "description": "A group. The vendor documents `nomenclature` as present exactly when the target is a group,\nso it is required here, and a group has no identity.\n",
      "required": [
        "type",
        "name",
        "nomenclature",
        "affectedIdentity",
        "application"
      ],
      "properties": {
        "type": {
          "type": "string",
          "const": "Group",
          "description": "Target type."
        },
        "name": {
          "type": "string",
          "description": "Group name."
        },
        "nomenclature": {
          "type": "string",
          "description": "The group's nomenclature (its full name in the application's directory)."
        },
        "affectedIdentity": {
          "type": "null",
          "description": "Always `null` for groups."
        },
        "application": {
          "$ref": "#/$defs/Application"
        }
      }
    },
    "Identity": {
      "type": "object",
      "description": "A person or non-person account known to Permission Assist. The same representation is\nembedded in personnel events and access requests. The vendor does not say which text\nattributes may be empty; source directories often leave them blank, so the descriptive\nattributes accept `null`.\n",
      "required": [
        "id",
        "kind",
        "firstName",
        "lastName",
        "emailAddress",
        "type",
        "title",
        "company",
        "division",
        "department",
        "office",
        "supervisorName",
        "createdDate",
        "updatedDate",
        "firstSeenDate",
        "inactivatedDate",
        "status"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Uuid"
        },
        "kind": {
          "type": "string",
          "const": "Identity",
          "description": "Resource type; always `Identity`."
        },
        "firstName": {
          "type": "string",
          "description": "First name."
        },
        "lastName": {
          "type": "string",
          "description": "Last name."
        },
        "emailAddress": {
          "type": [
            "string",
            "null"
          ],
          "description": "Email address. (Request bodies call this field `email`.)"
        },
        "type": {
          "$ref": "#/$defs/IdentityType"
        },
        "title": {
          "type": [
            "string",
            "null"
          ],
          "description": "Job title."
        },
        "company": {
          "type": [
            "string",
            "null"
          ],
          "description": "Company."
        },
        "division": {
          "type": [
            "string",
            "null"
          ],
          "description": "Division."
        },
        "department": {
          "type": [
            "string",
            "null"
          ],
          "description": "Department."
        },
        "office": {
          "type": [
            "string",
            "null"
          ],
          "description": "Office location."
        },
        "supervisorName": {
          "type": [
            "string",
            "null"
          ],
          "description": "Display name of the supervisor, as \"Last, First\"."
        },
        "createdDate": {
          "$ref": "#/$defs/Timestamp",
          "description": "When the source system created the record."
        },
        "updatedDate": {
          "$ref": "#/$defs/Timestamp",
          "description": "When the source system last changed the record."
        },
        "firstSeenDate": {
          "$ref": "#/$defs/Timestamp",
          "description": "When Permission Assist first imported the identity."
        },
        "inactivatedDate": {
          "$ref": "#/$defs/NullableTimestamp",
          "description": "When the identity was deactivated; `null` while it is active."
        },
        "status": {
          "$ref": "#/$defs/IdentityStatus"
        }
      }
    },
    "IdentityStatus": {
      "type": "string",
      "description": "`Active`; `Disabled` (inactive in the source directory); `Removed` (gone from the source\ndirectory but kept by Permission Assist for history).\n",
      "enum": [
        "Active",
        "Disabled",
        "Removed"
      ]
    },
    "IdentityType": {
      "type": "string",
      "description": "Identity type as responses spell it. Note the space in `Service Account`; request bodies\nspell the same type `ServiceAccount` (see `IdentityTypeInput`).\n",
      "enum": [
        "Employee",
        "Service Account",
        "Vendor",
        "Shared",
        "Mailbox",
        "Client",
        "Temporary",
        "Administrator",
        "Auditor",
        "Unknown"
      ]
    },
    "NullableTimestamp": {
      "description": "A `Timestamp`, or `null` while the moment it records has not happened.",
      "anyOf": [
        {
          "$ref": "#/$defs/Timestamp"
        },
        {
          "type": "null"
        }
      ],
      "examples": [
        "2025-12-02T09:45:00Z",
        null
      ]
    },
    "Timestamp": {
      "type": "string",
      "description": "A date and time in ISO 8601 form. Servers send UTC with `Z` (`2025-12-01T08:45:00Z`), but one\nof the vendor's own samples has no zone designator (`2026-02-20T08:15:00`), so a value\nwithout one is accepted too; read it as the server's local time. Because of that variant\nthis is a pattern rather than `format: date-time`, which requires a zone: parse these values\nwith a parser that allows the zone to be absent.\n",
      "pattern": "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?$",
      "examples": [
        "2025-12-01T08:45:00Z",
        "2026-02-20T08:15:00"
      ]
    },
    "UserReference": {
      "type": "object",
      "description": "A short reference to a person or API token, with its id and display name.",
      "required": [
        "id",
        "name"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/Uuid"
        },
        "name": {
          "type": "string",
          "description": "Display name, usually \"Last, First\" for people and the token's name for API tokens."
        }
      }
    },
    "UserTarget": {
      "type": "object",
      "description": "A user account. `affectedIdentity` is the identity that owns it; the vendor documents `null`\nonly for groups, but an account matched to no identity may also come with `null`.\n",
      "required": [
        "type",
        "name",
        "affectedIdentity",
        "application"
      ],
      "properties": {
        "type": {
          "type": "string",
          "const": "User",
          "description": "Target type."
        },
        "name": {
          "type": "string",
          "description": "Account name in the application."
        },
        "affectedIdentity": {
          "oneOf": [
            {
              "$ref": "#/$defs/Identity"
            },
            {
              "type": "null"
            }
          ]
        },
        "application": {
          "$ref": "#/$defs/Application"
        }
      }
    },
    "Uuid": {
      "type": "string",
      "format": "uuid",
      "description": "A GUID in its usual hyphenated form. Every id in this API is one.",
      "examples": [
        "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
      ]
    },
    "WorkItemStatus": {
      "type": "string",
      "description": "Status of a personnel event or access request. The vendor does not define the values for the\nAPI; the web interface's labels suggest `Pending` = needs approval, `Open` = being provisioned,\n`Resolved` = waiting for verification, `Completed` = done, `Canceled`, `Scheduled` = waiting\nfor a future date, `Snoozed` = paused (a leave of absence with no return date yet).\n",
      "enum": [
        "Pending",
        "Open",
        "Resolved",
        "Completed",
        "Canceled",
        "Scheduled",
        "Snoozed"
      ]
    }
  }
} as const;
