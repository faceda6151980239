// @permission-assist/mock as a library: start the mock or the contract-checking proxy in-process.
export { startMockServer, type MockOptions, type RunningServer } from './mock-server.js';
export { startContractProxy, type ProxyOptions, type ProxyReport } from './contract-proxy.js';
export { errorBody, fieldErrorsFromViolations } from './error-body.js';
export type { RequestLog } from './http.js';
