// One request before anything is judged: is there a Permission Assist API at this URL, and does it
// take the token? A run that cannot get past this is not a verdict on the server (exit 2): an
// unreachable host, a docs site or login page, a proxy's error page, or a refused token each get
// one line saying so, instead of one failure per case.
import { JSON_TYPE } from '@permission-assist/spec-kit';
import { serverRoot } from './server-root.js';

export const PROBE_PATH = '/api/identities';

export async function probe(baseUrl: string, token: string, timeoutMs: number, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverRoot(baseUrl)}${PROBE_PATH}?page=1`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `no answer from ${baseUrl} within ${timeoutMs / 1000} s`;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `cannot reach ${baseUrl}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
  }
  const type = response.headers.get('content-type')?.split(';')[0]?.trim();
  // A login page or single sign-on in front of the API answers with a redirect.
  if (response.status >= 300 && response.status < 400) return `no Permission Assist API at ${baseUrl} (GET ${PROBE_PATH} redirects to ${response.headers.get('location') ?? 'another page'})`;
  if (!type || !JSON_TYPE.test(type)) return `no Permission Assist API at ${baseUrl} (got ${type ?? 'no content type'} from GET ${PROBE_PATH})`;
  if (response.status === 401 || response.status === 403) return `the token was refused: GET ${PROBE_PATH} answered ${response.status}; check PA_TOKEN (it may be expired or deleted)`;
  if (response.status === 404 || response.status === 405) return `no Permission Assist API at ${baseUrl} (GET ${PROBE_PATH} answered ${response.status}; is the base URL the server's root?)`;
  return undefined;
}
