// Error responses become typed errors built on the spec's Error body; the token never leaks.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ConflictError, ForbiddenError, NotFoundError, PermissionAssistError, ServerError, UnauthorizedError, UnprocessableEntityError, ValidationError } from '../src/index.js';
import { TRANSPORTS } from './helpers/transports.js';
import { TOKEN } from './helpers/fixtures.js';
import { errorBody, json, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
const responses = new Map<string, (res: import('node:http').ServerResponse) => void>();
beforeAll(async () => {
  server = await startServer((req, res) => responses.get(new URL(req.url ?? '/', 'http://x').searchParams.get('type') ?? '')!(res));
});
afterAll(() => server.close());

describe.each(TRANSPORTS)('$name transport', ({ create: createPermissionAssistClient }) => {
  const pa = () => createPermissionAssistClient({ baseUrl: server.url, token: TOKEN, retry: false });
  async function failure(kind: string, respond: (res: import('node:http').ServerResponse) => void) {
    responses.set(kind, respond);
    return pa().accessRequests.list({ type: kind as never }).then(
      () => { throw new Error('expected the call to fail'); },
      (error: unknown) => error as ApiError,
    );
  }

  describe('API errors', () => {
    it('400 validation_error → ValidationError with the field errors', async () => {
      const error = await failure('Add', (res) => json(res, 400, errorBody('validation_error', 'One or more validation errors occurred', [
        { field: 'identity.firstName', message: 'First name is required' },
        { field: 'effectiveDate', message: 'Effective date is required' },
      ])));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(PermissionAssistError);
      expect(error).toMatchObject({
        status: 400,
        code: 'validation_error',
        correlationId: 'a1b2c3d4e5f67890abcdef1234567890',
        errors: [{ field: 'identity.firstName', message: 'First name is required' }, { field: 'effectiveDate', message: 'Effective date is required' }],
        method: 'GET',
        path: '/api/access-requests',
      });
      expect(error.message).toBe(
        'GET /api/access-requests: 400 validation_error: One or more validation errors occurred (identity.firstName: First name is required; effectiveDate: Effective date is required) [correlationId a1b2c3d4e5f67890abcdef1234567890]',
      );
    });

    it.each([
      [401, 'unauthorized', UnauthorizedError, 'Change'],
      [403, 'forbidden', ForbiddenError, 'Remove'],
      [404, 'not_found', NotFoundError, 'Suspend'],
      [409, 'conflict', ConflictError, 'Restore'],
      [422, 'unprocessable_entity', UnprocessableEntityError, 'c422'],
      [500, 'server_error', ServerError, 'c500'],
      [500, 'creation_failed', ServerError, 'c500b'],
    ] as const)('%i %s → %o', async (status, code, Class, kind) => {
      const error = await failure(kind, (res) => json(res, status, errorBody(code, `it failed: ${code}`)));
      expect(error).toBeInstanceOf(Class);
      expect(error).toMatchObject({ status, code, message: expect.stringContaining(`it failed: ${code}`), errors: [] });
    });

    it('a non-JSON error body still gives a typed error, with the raw body kept', async () => {
      const error = await failure('html', (res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body>Bad Gateway</body></html>');
      });
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 502, code: undefined, rawBody: '<html><body>Bad Gateway</body></html>' });
      expect(error.message).toContain('body is not the documented error JSON; text/html');
    });

    it('an empty error body gives a typed error', async () => {
      const error = await failure('empty', (res) => {
        res.writeHead(404);
        res.end();
      });
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toContain('(empty body)');
    });

    it('an unknown status maps to ApiError', async () => {
      const error = await failure('teapot', (res) => json(res, 418, errorBody('server_error', 'teapot')));
      expect(error.constructor).toBe(ApiError);
      expect(error.status).toBe(418);
    });

    it('the token appears nowhere in a thrown error (message, fields, JSON, inspect, cause)', async () => {
      const error = await failure('leak', (res) => json(res, 401, errorBody('unauthorized', 'Invalid or expired authentication token')));
      expect(error).toBeInstanceOf(UnauthorizedError);
      for (const view of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
        expect(view).not.toContain(TOKEN);
      }
    });
  });
});
