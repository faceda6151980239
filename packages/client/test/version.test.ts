// Which client and which spec a request came from: the package version and the description's
// version and sha256, recorded at generation, exported and sent in the User-Agent.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLIENT_VERSION } from '../src/config.js';
import { createPermissionAssistClient, SPEC_SHA256, SPEC_VERSION } from '../src/index.js';
import { startServer } from './helpers/server.js';

const specFile = readFileSync(new URL('../../../spec/openapi.yaml', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('versions', () => {
  it('CLIENT_VERSION is the package version', () => {
    expect(CLIENT_VERSION).toBe(manifest.version);
  });

  it('SPEC_VERSION and SPEC_SHA256 are those of spec/openapi.yaml as it is now', () => {
    expect(SPEC_VERSION).toBe((parse(specFile.toString('utf8')) as { info: { version: string } }).info.version);
    expect(SPEC_SHA256).toBe(createHash('sha256').update(specFile).digest('hex'));
  });

  it('the User-Agent names both', async () => {
    let agent: string | undefined;
    const server = await startServer((req, res) => {
      agent = req.headers['user-agent'];
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[],"totalCount":0,"page":1,"pageSize":50,"totalPages":0}');
    });
    try {
      await createPermissionAssistClient({ baseUrl: server.url, token: 'pa_x' }).identities.list();
    } finally {
      await server.close();
    }
    expect(agent).toBe(`permission-assist-client/${manifest.version} (spec ${SPEC_VERSION}; sha256 ${SPEC_SHA256.slice(0, 12)}) node/${process.versions.node}`);
  });
});
