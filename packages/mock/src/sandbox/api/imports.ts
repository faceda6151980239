// Staging, uploading and canceling imports, with the vendor's rules: the application must exist
// (404), must not be archived (400 "Application is archived", as in the vendor's sample), and must
// have an import schedule to stage (422) or a file-based connector to upload (422); an upload sends
// one non-empty file per file group, every required group included; only a Pending or Running
// import can be canceled (409 otherwise).
import { HttpError, validationError, type FieldError } from '../../http/errors.js';
import type { UploadedForm } from '../../http/multipart.js';
import type { ApplicationRecord, PlannedFile } from '../model.js';
import { renderImport } from '../render.js';
import type { Sandbox } from '../sandbox.js';
import type { Handlers } from './types.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINAL = new Set(['Finished', 'Failed', 'Canceled', 'Canceling']);

function application(sandbox: Sandbox, id: string): ApplicationRecord {
  const record = sandbox.store.applications.get(id.toLowerCase());
  if (!record) throw new HttpError(404, `Application with id ${id} not found`);
  if (record.application.isArchived) throw validationError([{ field: 'applicationId', message: 'Application is archived' }]);
  return record;
}

const groupList = (record: ApplicationRecord) => record.fileGroups.map((g) => `${g.name} ${g.id}${g.required ? ' (required)' : ''}`).join(', ');

/** The upload's application id: a form field or the query parameter, not two different ones. */
function uploadApplicationId(form: UploadedForm, query: URLSearchParams): string {
  const values = [...(form.fields.get('applicationId') ?? []), ...query.getAll('applicationId')];
  const distinct = [...new Set(values.map((v) => v.toLowerCase()))];
  if (distinct.length === 0) throw validationError([{ field: 'applicationId', message: 'Application id is required: send it as a form field or as the applicationId query parameter' }]);
  if (distinct.length > 1) throw validationError([{ field: 'applicationId', message: `Application id was given twice with different values (${values.join(', ')})` }]);
  if (!GUID.test(distinct[0]!)) throw validationError([{ field: 'applicationId', message: 'Application id must be a GUID' }]);
  return distinct[0]!;
}

function uploadedFiles(record: ApplicationRecord, form: UploadedForm): { planned: PlannedFile[]; failure?: string } {
  const problems: FieldError[] = [];
  const unknownFields = [...form.fields.keys()].filter((name) => name !== 'applicationId');
  for (const name of unknownFields) problems.push({ field: name, message: `${name} is not a field of this request (file parts must be sent as files)` });
  if (form.files.length === 0) {
    problems.push({ field: 'files', message: `Send one file per file group, each part named by its file group id (${groupList(record)})` });
  }
  const seen = new Set<string>();
  for (const file of form.files) {
    const group = record.fileGroups.find((g) => g.id === file.field.toLowerCase());
    if (!group) problems.push({ field: file.field, message: `${file.field} is not a file group of ${record.application.name} (its file groups: ${groupList(record)})` });
    else if (seen.has(group.id)) problems.push({ field: file.field, message: `More than one file was sent for the file group ${group.name}` });
    else if (file.bytes === 0) problems.push({ field: file.field, message: `File ${file.filename} is empty` });
    if (group) seen.add(group.id);
  }
  for (const group of record.fileGroups) {
    if (group.required && !seen.has(group.id) && form.files.length > 0) {
      problems.push({ field: group.id, message: `A file for the required file group ${group.name} is missing` });
    }
  }
  if (problems.length) throw validationError(problems);
  const planned = form.files.map((file) => {
    const group = record.fileGroups.find((g) => g.id === file.field.toLowerCase())!;
    return { fileGroupId: group.id, fileGroup: group.name, name: file.filename, rows: file.rows };
  });
  // Accepted, but the build will not get far: as on a real server, the import then ends Failed.
  const binary = form.files.find((file) => file.binary);
  const headerOnly = form.files.find((file) => file.rows === 0);
  const failure = binary ? `${binary.filename} is not a text file` : headerOnly ? `${headerOnly.filename} has a header but no data rows` : undefined;
  return { planned, failure };
}

export function importHandlers(sandbox: Sandbox): Handlers {
  return {
    stageApplicationImport: ({ body, now }) => {
      const record = application(sandbox, body.applicationId);
      if (!record.schedule) {
        throw new HttpError(422, `Application ${record.application.name} has no import schedule; upload its files instead (uploadApplicationImport)`);
      }
      const created = sandbox.stageImport(record.application.id, sandbox.store.actors.apiToken.name, now);
      return { status: 201, body: renderImport(sandbox.store, created, 'full') };
    },

    uploadApplicationImport: ({ form, query, now }) => {
      const record = application(sandbox, uploadApplicationId(form!, query));
      if (!record.fileBased) {
        throw new HttpError(422, `Application ${record.application.name} does not import files: its connector reads the application directly (stage an import instead)`);
      }
      const { planned, failure } = uploadedFiles(record, form!);
      const created = sandbox.uploadImport({ applicationId: record.application.id, createdBy: sandbox.store.actors.apiToken.name, files: planned, failure }, now);
      return { status: 201, body: renderImport(sandbox.store, created, 'full') };
    },

    cancelApplicationImport: ({ body, now }) => {
      const id = String(body.applicationImportId);
      const record = sandbox.store.imports.get(id.toLowerCase());
      if (!record) throw new HttpError(404, `Application import with id ${id} not found`);
      if (FINAL.has(record.import.status)) {
        throw new HttpError(409, `Application import ${record.import.number} is ${record.import.status} and cannot be canceled`);
      }
      const canceled = sandbox.cancelImport(record.import.id, sandbox.store.actors.apiToken.name, now) ?? record;
      return { status: 200, body: renderImport(sandbox.store, canceled, 'full') };
    },
  };
}
