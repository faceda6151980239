// Builds the multipart body of uploadApplicationImport: one file part per connector file group,
// named by the file group's id. Checks what the server would reject before anything is sent.
import { InvalidArgumentError, type OperationInfo } from './errors.js';
import type { FieldError } from './generated/models.js';

/** File contents with an optional file name and media type. */
export interface NamedFile {
  data: Blob | ArrayBuffer | ArrayBufferView;
  /** The file name Permission Assist records (default: the file group id). */
  filename?: string;
  /** Media type of the part (default: the Blob's type, else application/octet-stream). */
  contentType?: string;
}

/**
 * One file: a Blob or File, bytes (Buffer, Uint8Array, ArrayBuffer), `{ data, filename }`, or, with the
 * client from `@permission-assist/client/node`, a path to a file on disk.
 */
export type FileInput = Blob | ArrayBuffer | ArrayBufferView | NamedFile | string;

export interface UploadInput {
  /** The application to import into. */
  applicationId: string;
  /** One file per connector file group, keyed by the file group's id. */
  files: Record<string, FileInput>;
}

export type PathResolver = (path: string) => Promise<Blob>;

/** Media types of the files connectors read, by extension; anything else is application/octet-stream. */
const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  json: 'application/json',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
};

/** The media type of a file name (`employees.csv` -> `text/csv`). */
export function mediaTypeOf(filename: string | undefined): string | undefined {
  const extension = filename?.split('.').pop()?.toLowerCase();
  return extension ? MEDIA_TYPES[extension] : undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isNamedFile(value: unknown): value is NamedFile {
  return typeof value === 'object' && value !== null && 'data' in value && !(value instanceof Blob) && !ArrayBuffer.isView(value);
}

function toBlob(data: Blob | ArrayBuffer | ArrayBufferView, type: string | undefined): Blob {
  if (data instanceof Blob) return type && type !== data.type ? new Blob([data], { type }) : data;
  // A copy: the caller may reuse its buffer while the upload is in flight.
  const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Blob([view.slice()], { type: type ?? 'application/octet-stream' });
}

export async function buildUploadForm(input: UploadInput, resolvePath: PathResolver | undefined, info: OperationInfo): Promise<FormData> {
  const problems: FieldError[] = [];
  if (!input || typeof input !== 'object') throw new InvalidArgumentError([{ field: 'input', message: 'must be { applicationId, files }' }], info);
  if (typeof input.applicationId !== 'string' || !GUID.test(input.applicationId)) {
    problems.push({ field: 'applicationId', message: `must be a GUID, got ${JSON.stringify(input.applicationId)}` });
  }
  const entries = input.files && typeof input.files === 'object' ? Object.entries(input.files) : [];
  if (entries.length === 0) problems.push({ field: 'files', message: 'must hold at least one file, keyed by file group id' });

  const parts: [string, Blob, string][] = [];
  for (const [fileGroupId, file] of entries) {
    const field = `files.${fileGroupId}`;
    if (!GUID.test(fileGroupId)) problems.push({ field, message: 'the key must be the file group id (a GUID) from the connector definition' });
    let blob: Blob | undefined;
    let filename: string | undefined;
    try {
      if (typeof file === 'string') {
        if (!resolvePath) {
          problems.push({ field, message: 'file paths are supported by the client from "@permission-assist/client/node"; pass a Blob or bytes here' });
          continue;
        }
        blob = await resolvePath(file);
      } else if (isNamedFile(file)) {
        const given = file.data instanceof Blob ? file.data.type : '';
        blob = toBlob(file.data, file.contentType ?? (given || mediaTypeOf(file.filename)));
        filename = file.filename;
      } else if (file instanceof Blob || file instanceof ArrayBuffer || ArrayBuffer.isView(file)) {
        blob = toBlob(file, undefined);
      } else {
        problems.push({ field, message: 'must be a Blob, a Buffer/Uint8Array/ArrayBuffer, { data, filename } or (Node) a file path' });
        continue;
      }
    } catch (error) {
      problems.push({ field, message: (error as Error).message });
      continue;
    }
    if (blob.size === 0) {
      problems.push({ field, message: 'is empty; the server rejects empty files' });
      continue;
    }
    filename ??= typeof (blob as File).name === 'string' && (blob as File).name ? (blob as File).name : fileGroupId;
    parts.push([fileGroupId, blob, filename]);
  }
  if (problems.length) throw new InvalidArgumentError(problems, info);

  const form = new FormData();
  form.append('applicationId', input.applicationId);
  for (const [fileGroupId, blob, filename] of parts) form.append(fileGroupId, blob, filename);
  return form;
}
