// Where the suite runs: a real server when PA_BASE_URL and PA_TOKEN are set, otherwise the Prism
// mock started in-process on a free port.
import { startMockServer } from '@permission-assist/mock';

export interface Target {
  baseUrl: string;
  token: string;
  /** Writes are always allowed on the mock; on a real server only with PA_CONTRACT_WRITE=1. */
  write: boolean;
  kind: 'mock' | 'server';
  close(): Promise<void>;
}

export async function resolveTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  if (env.PA_BASE_URL || env.PA_TOKEN) {
    if (!env.PA_BASE_URL || !env.PA_TOKEN) throw new Error('set both PA_BASE_URL and PA_TOKEN to test a real server (or neither to test the mock)');
    return { baseUrl: env.PA_BASE_URL, token: env.PA_TOKEN, write: env.PA_CONTRACT_WRITE === '1', kind: 'server', close: async () => undefined };
  }
  const mock = await startMockServer({ port: 0 });
  return { baseUrl: mock.url, token: 'pa_contract_mock', write: true, kind: 'mock', close: () => mock.close() };
}
