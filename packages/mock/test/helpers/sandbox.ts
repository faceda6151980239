// Test helpers: a sandbox on a random loopback port with its clock frozen at a fixed time (so every
// run sees the same data), the typed client pointed at it, raw HTTP, and the spec's checker.
import { createPermissionAssistClient } from '@permission-assist/client';
import { componentExample, createContract, loadSpec, sandboxSpecPath, type Contract } from '@permission-assist/spec-kit';
import { startSandbox, type RunningSandbox, type SandboxServerOptions } from '../../src/index.js';

export const NOW = '2026-11-24T09:00:00Z';
export const TODAY = '2026-11-24';
export const spec = loadSpec();
/** The value of one of the spec's named examples (spec-kit fails loudly on a name it lacks). */
export const example = (name: string) => componentExample(spec, name) as Record<string, unknown>;

/** The id of one of the spec's named examples. */
export function exampleId(name: string): string {
  const { id } = example(name);
  if (typeof id !== 'string') throw new Error(`the spec's example ${name} has no string id`);
  return id;
}

// The checkers compile every schema of a spec (about a second each), and most files that import
// these helpers never check a response: each is built on first use, once per file.
let api: Contract | undefined;
let controlPlane: Contract | undefined;
/** The spec's checker (built on first use). */
export const contract = (): Contract => (api ??= createContract(spec));
/** The sandbox control plane's checker (built on first use). */
export const controlContract = (): Contract => (controlPlane ??= createContract(loadSpec(sandboxSpecPath)));

export function start(options: SandboxServerOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ now: NOW, frozen: true, size: 'small', ...options });
}

export function client(sandbox: RunningSandbox, token = sandbox.token) {
  return createPermissionAssistClient({ baseUrl: sandbox.url, token, retry: false });
}

export async function raw(sandbox: RunningSandbox, path: string, init: RequestInit = {}) {
  const res = await fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${sandbox.token}`, ...init.headers } });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body };
}

export const post = (sandbox: RunningSandbox, path: string, body?: unknown) =>
  raw(sandbox, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

/** Every departure from the spec of an API (or control plane) response; [] when it conforms. */
export function violations(method: string, path: string, status: number, body: unknown) {
  const pathname = new URL(path, 'http://x').pathname;
  const checker = pathname.startsWith('/sandbox') ? controlContract() : contract();
  const matched = checker.match(method, pathname);
  if (!matched) return [`no operation matches ${method} ${pathname}`];
  return checker.checkResponse(matched, { status, contentType: 'application/json', body }).violations.map((v) => v.message);
}

/** A day N days after the frozen clock's today (YYYY-MM-DD). */
export function inDays(days: number) {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
