// The sandbox's records. Each keeps the API representation the vendor documents, plus the
// bookkeeping a real server has but does not expose (accounts, connectors, workflow phase, timing).
// Embedded objects (an access request's identity and application, an event's identity) are stored
// as ids and joined when a response is written, so a change to an identity shows everywhere at once.
import type { AccessRequest, ApplicationImport, Application, Identity, IdentityDetails, PersonnelEvent, UserReference } from '@permission-assist/client';

// The API's own types, generated from the spec into the client (packages/client/src/generated/models.ts).
export type { AccessRequest, AccessRequestAction, Application, ApplicationImport, Identity, IdentityDetails, PersonnelEvent, UserReference, WorkItemStatus } from '@permission-assist/client';

/**
 * How fast a record's workflow moves. Records created through the API move in seconds to minutes,
 * so an integration sees a whole flow while it is being written; the seeded history moves at a
 * working organisation's pace (hours to days), which leaves a realistic mix of open work at "now".
 */
export type Pace = 'fast' | 'historical';

export interface Account {
  applicationId: string;
  suspended: boolean;
}

export interface IdentityRecord {
  identity: Identity;
  supervisorId: string | null;
  /** The person's login (`rjohnson`): their account name in every application. */
  username: string;
  accounts: Account[];
}

export interface FileGroup {
  id: string;
  name: string;
  required: boolean;
}

export interface ApplicationRecord {
  application: Application;
  /** The import schedule stage uses, or null (stage then gets 422). */
  schedule: { sharedDirectory: string; filesPresent: boolean } | null;
  /** Whether the connector reads files (upload gets 422 otherwise). */
  fileBased: boolean;
  fileGroups: FileGroup[];
  /** Departments whose people get an account here (the Access Model, simplified). */
  departments: string[];
}

export interface PlannedFile {
  fileGroupId: string;
  fileGroup: string;
  name: string;
  /** Data rows in the file (after its header). */
  rows: number;
}

export interface ImportRecord {
  /** The full import, minus `application` (joined from applicationId). */
  import: Omit<ApplicationImport, 'application'>;
  applicationId: string;
  /** The files the build reads: attached at once for an upload, when the build starts for a staged import. */
  plannedFiles: PlannedFile[];
  createdAt: number;
  pace: Pace;
  /** How the build will end, decided when the import is created (see lifecycle/imports.ts). */
  outcome: { status: 'Finished'; metrics: Record<string, number> } | { status: 'Failed'; reason: string };
}

/** Where a personnel event is in its workflow; `status` is derived from it. */
export type EventPhase = 'scheduled' | 'approval' | 'provision' | 'waiting' | 'verification' | 'done';

export interface EventRecord {
  /** The event, minus `affectedIdentity` (joined from identityId). */
  event: Omit<PersonnelEvent, 'affectedIdentity'>;
  identityId: string | null;
  phase: EventPhase;
  createdAt: number;
  pace: Pace;
  /** First day (UTC) the event is effective, and its end day (YYYY-MM-DD). */
  effectiveDay: string;
  endDay: string | null;
  /** Onboarding: the person to create at approval. Role transition: the attributes that change. */
  details: IdentityDetails | null;
  /** Access requests of the first batch, and those deferred to the end date (or snoozed). */
  requestIds: string[];
  deferredIds: string[];
}

export interface AccessRequestRecord {
  /** The request, minus `target` (rebuilt from the fields below). */
  request: Omit<AccessRequest, 'target'>;
  target: { type: 'User' | 'Group'; name: string; nomenclature: string | null; identityId: string | null; applicationId: string };
  createdAt: number;
  pace: Pace;
  eventId: string | null;
  /** Whether a request waiting for approval will be approved or canceled (decided when created). */
  fate: 'approve' | 'cancel';
}

/** People and systems that appear as reporters and assignees. */
export interface Actors {
  /** Permission Assist itself, reporter of the requests it creates. */
  system: UserReference;
  /** The API token of sandbox clients, reporter of what they create. */
  apiToken: UserReference;
  /** The HR integration token that reported the seeded history's personnel events. */
  hrToken: UserReference;
  /** The Provision Team, assigned to access requests and events. */
  provisioners: UserReference[];
}

export interface Counters {
  personnelEvent: number;
  applicationImport: number;
  accessRequest: number;
}
