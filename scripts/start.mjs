// `npm start` (after `turbo run build`): serves the sandbox at http://127.0.0.1:4010 and the docs at
// http://127.0.0.1:8080, prints both and curl calls to try, and stops both on Ctrl-C.
// Ports: npm start -- --mock-port 4011 --docs-port 8081 (or PA_MOCK_PORT / PA_DOCS_PORT);
// --static serves the spec's examples (Prism) instead of the sandbox.
import { parseArgs } from 'node:util';
import { startMockServer, startSandbox } from '@permission-assist/mock';
import { serveDocs } from '../docs/serve.mjs';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'mock-port': { type: 'string', default: process.env.PA_MOCK_PORT ?? '4010' },
    'docs-port': { type: 'string', default: process.env.PA_DOCS_PORT ?? '8080' },
    static: { type: 'boolean', default: false },
  },
});

function port(name) {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`start: --${name} must be a whole number from 0 to 65535, got "${values[name]}"`);
    process.exit(1);
  }
  return value;
}

const servers = [];
async function stopAll(code) {
  await Promise.allSettled(servers.map((server) => server.close()));
  process.exit(code);
}

try {
  const mock = values.static
    ? await startMockServer({ host: values.host, port: port('mock-port') })
    : await startSandbox({ host: values.host, port: port('mock-port'), size: 'medium' });
  servers.push(mock);
  const docs = await serveDocs({ host: values.host, port: port('docs-port') });
  servers.push(docs);
  const kind = values.static ? 'mock (static examples)' : 'sandbox';
  console.log(`
  Permission Assist ${kind.padEnd(24)} ${mock.url}
  API documentation                          ${docs.url}   (sandbox controls: ${docs.url}/sandbox/${values.static ? '' : `?sandbox=${mock.url}`})

  Try it:
    curl -H 'Authorization: Bearer pa_test' '${mock.url}/api/access-requests?status=open'${
      values.static ? '' : `
    curl -H 'Authorization: Bearer pa_test' -H 'Content-Type: application/json' -d '{"seconds": 3600}' ${mock.url}/sandbox/clock/advance`
    }

  Ctrl-C stops both.
`);
} catch (error) {
  console.error(`start: ${error.message}`);
  await stopAll(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\nstart: ${signal}, stopping the mock and the docs server`);
    void stopAll(0);
  });
}
