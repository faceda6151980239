// @permission-assist/mock as a library:
// - startSandbox: the stateful sandbox, in-process, for an integration's own test suite;
// - startMockServer: the spec's examples through Prism (pa-mock --static);
// - startContractProxy: forward to a real server and report departures from the spec.
export { startSandbox, type Duration, type RunningSandbox, type SandboxServerOptions } from './sandbox/server.js';
export type { SandboxSize } from './sandbox/seed/sizes.js';
export { startMockServer, type MockOptions } from './static/static-server.js';
export { startContractProxy, type ProxyOptions, type ProxyReport } from './proxy/contract-proxy.js';
export { errorBody, type ErrorBody, type FieldError } from './http/errors.js';
export type { RequestLog, RunningServer } from './http/server.js';
