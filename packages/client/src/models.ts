// Friendly names for the spec's component schemas, e.g. `Identity` rather than components['schemas']['Identity'].
import type { components } from './generated/schema.js';

type Schemas = components['schemas'];
export type Identity = Schemas['Identity'];
export type IdentityType = Schemas['IdentityType'];
export type IdentityStatus = Schemas['IdentityStatus'];
export type Application = Schemas['Application'];
export type ApplicationPriority = Schemas['ApplicationPriority'];
export type ApplicationImport = Schemas['ApplicationImport'];
export type ApplicationImportType = Schemas['ApplicationImportType'];
export type ApplicationImportStatus = Schemas['ApplicationImportStatus'];
export type ImportFile = Schemas['ImportFile'];
export type PersonnelEvent = Schemas['PersonnelEvent'];
export type PersonnelEventType = Schemas['PersonnelEventType'];
export type WorkItemStatus = Schemas['WorkItemStatus'];
export type AccessRequest = Schemas['AccessRequest'];
export type AccessRequestAction = Schemas['AccessRequestAction'];
export type AccessRequestTarget = Schemas['AccessRequestTarget'];
export type AccessRequestWebhookPayload = Schemas['AccessRequestWebhookPayload'];
export type ErrorBody = Schemas['Error'];
export type PageInfo = Schemas['PageInfo'];
