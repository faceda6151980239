// Reads the body of a request for an operation of the spec, the same way in the sandbox and in
// --static: the operation's media types decide what is accepted (anything else is 415, naming what
// the operation takes), JSON within its limit and parsed, uploads streamed through the upload gate
// at the minimum body rate (a JSON body is small; the request timeout bounds it). An operation
// without a body has whatever was sent drained.
import type { IncomingMessage } from 'node:http';
import { deref, type OpenApiDocument, type OperationObject } from '@permission-assist/spec-kit';
import { discardBody, parseJson, readBody } from './body.js';
import { HttpError } from './errors.js';
import { Gate, readMultipart, type UploadedForm } from './multipart.js';
import { bodyRateOf, type HttpSettings } from './settings.js';

export interface RequestBody {
  /** The parsed JSON (or text) body. */
  body?: unknown;
  hasBody: boolean;
  /** The upload's parts, for a multipart operation. */
  form?: UploadedForm;
}

export function contentTypeOf(req: IncomingMessage): string {
  const header = req.headers['content-type'];
  if (header === 'application/json') return header;
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

const JSON_MEDIA = /^application\/([\w.+-]+\+)?json$/;

export function createBodyReader(settings: HttpSettings, jsonLimitOf: (operationId: string) => number = () => settings.jsonBodyBytes) {
  const uploads = new Gate(settings.concurrentUploads, settings.queuedUploads);
  const rate = bodyRateOf(settings);

  return async function readRequestBody(req: IncomingMessage, operationId: string, operation: OperationObject, spec: OpenApiDocument): Promise<RequestBody> {
    const content = deref(spec, operation.requestBody)?.content as Record<string, unknown> | undefined;
    const limit = jsonLimitOf(operationId);
    if (!content) {
      await discardBody(req, limit);
      return { hasBody: false };
    }
    const type = contentTypeOf(req);
    if ('multipart/form-data' in content) {
      if (type !== 'multipart/form-data') throw new HttpError(415, `This operation takes multipart/form-data, not ${type || 'a body without a content type'}`);
      return { hasBody: true, form: await uploads.run(() => readMultipart(req, settings.uploadBytes, rate)) };
    }
    const raw = await readBody(req, limit);
    if (raw.length === 0) return { hasBody: false };
    if (JSON_MEDIA.test(type) && 'application/json' in content) return { hasBody: true, body: parseJson(raw) };
    if (type === 'text/plain' && 'text/plain' in content) return { hasBody: true, body: raw.toString('utf8') };
    throw new HttpError(415, `This operation takes ${Object.keys(content).join(' or ')}, not ${type || 'a body without a content type'}`);
  };
}

export type BodyReader = ReturnType<typeof createBodyReader>;

/** The largest body a Content-Type may announce, for the check before "100 Continue". */
export const declaredLimit = (settings: HttpSettings) => (contentType: string) =>
  /^\s*multipart\//i.test(contentType) ? settings.uploadBytes : settings.jsonBodyBytes;
