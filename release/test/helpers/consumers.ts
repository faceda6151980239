// What an integration writes against each package: type-checked in the fresh project (every mode)
// and run there. A package without an entry here is still packed, type-checked and its bins run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { componentExample, loadSpec } from '@permission-assist/spec-kit';

export interface Consumer {
  /** ESM TypeScript using the package's API; `process.env.PA_BASE_URL` is a local server when `server` is set. */
  esm: string;
  /** The same through require(), for packages with a CommonJS entry. */
  cjs?: string;
  /** What the ESM program prints (one JSON line). */
  expected: unknown;
  /** Whether the program needs the local Permission Assist stand-in below. */
  server?: boolean;
}

const sarah = componentExample(loadSpec(), 'IdentitySarahChen') as { id: string; lastName: string };

export const consumers: Record<string, Consumer> = {
  '@permission-assist/client': {
    server: true,
    esm: `import { createPermissionAssistClient, UnauthorizedError, SPEC_VERSION, type Identity } from '@permission-assist/client';
import { fileFromPath } from '@permission-assist/client/node';
const pa = createPermissionAssistClient({ baseUrl: process.env.PA_BASE_URL!, token: 'pa_consumer' });
const identity: Identity = await pa.identities.get('${sarah.id}');
const denied = await createPermissionAssistClient({ baseUrl: process.env.PA_BASE_URL!, token: 'pa_wrong' }).identities.get('x').catch((e: unknown) => e);
console.log(JSON.stringify({ lastName: identity.lastName, denied: denied instanceof UnauthorizedError, fileFromPath: typeof fileFromPath, spec: typeof SPEC_VERSION }));
`,
    cjs: `import client = require('@permission-assist/client');
const pa = client.createPermissionAssistClient({ baseUrl: process.env.PA_BASE_URL!, token: 'pa_consumer' });
pa.identities.get('${sarah.id}').then((identity: client.Identity) => console.log(JSON.stringify({ lastName: identity.lastName })));
`,
    expected: { lastName: sarah.lastName, denied: true, fileFromPath: 'function', spec: 'string' },
  },
  '@permission-assist/mock': {
    esm: `import { startSandbox } from '@permission-assist/mock';
const sandbox = await startSandbox({ size: 'small', frozen: true });
try {
  const page = (await (await fetch(sandbox.url + '/api/identities', { headers: { authorization: 'Bearer ' + sandbox.token } })).json()) as { totalCount: number };
  console.log(JSON.stringify({ many: page.totalCount > 100, steps: typeof sandbox.clock.advance({ days: 1 }) }));
} finally {
  await sandbox.close();
}
`,
    expected: { many: true, steps: 'number' },
  },
  '@permission-assist/spec-kit': {
    esm: `import { createContract, loadSpec, sandboxSpecPath, type OpenApiDocument } from '@permission-assist/spec-kit';
const spec: OpenApiDocument = loadSpec();
const matched = createContract(spec).match('GET', '/api/identities/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
console.log(JSON.stringify({ operationId: matched?.operationId, sandbox: Object.keys(loadSpec(sandboxSpecPath).paths ?? {}).length > 0 }));
`,
    expected: { operationId: 'getIdentity', sandbox: true },
  },
  '@permission-assist/contract-tests': {
    esm: `import { cases, type ContractCase } from '@permission-assist/contract-tests';
const all: ContractCase[] = cases;
console.log(JSON.stringify({ cases: all.length > 10 }));
`,
    expected: { cases: true },
  },
};

/** A stand-in server: Sarah Chen for `Bearer pa_consumer`, 401 otherwise. */
export async function startStandIn(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const ok = req.headers.authorization === 'Bearer pa_consumer';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? sarah : { error: 'unauthorized', message: 'Invalid or expired authentication token', correlationId: 'a1b2c3d4e5f67890abcdef1234567890' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
