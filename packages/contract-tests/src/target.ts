// Where the suite runs: a real server when PA_BASE_URL and PA_TOKEN are set, otherwise the sandbox
// started in-process on a free port. Where the write cases may stage and upload comes from the
// environment (PA_CONTRACT_STAGE_APPLICATION, PA_CONTRACT_UPLOAD_APPLICATION, PA_CONTRACT_FILE_GROUPS,
// PA_CONTRACT_REQUIRED_FILE_GROUPS, PA_CONTRACT_UNSCHEDULED_APPLICATION, PA_CONTRACT_API_APPLICATION)
// or, when the target is a sandbox, from its connector list.
import { startSandbox } from '@permission-assist/mock';
import type { TargetHints } from './cases/index.js';
import { serverRoot } from './server-root.js';

export interface Target {
  baseUrl: string;
  token: string;
  /** Writes are always allowed on the in-process sandbox; on a server only with PA_CONTRACT_WRITE=1. */
  write: boolean;
  kind: 'sandbox' | 'server';
  hints: TargetHints;
  close(): Promise<void>;
}

interface Connector {
  application: { id: string; isArchived: boolean };
  importSchedule: { filesPresent: boolean } | null;
  fileBased: boolean;
  fileGroups: { id: string; required: boolean }[];
}

/** Hints from a sandbox's control plane; undefined when the target is not a sandbox. */
async function sandboxHints(baseUrl: string, token: string, timeoutMs: number): Promise<TargetHints | undefined> {
  try {
    const response = await fetch(`${serverRoot(baseUrl)}/sandbox/connectors`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const { items } = (await response.json()) as { items?: Connector[] };
    if (!Array.isArray(items)) return undefined;
    const live = items.filter((c) => !c.application.isArchived);
    const stage = live.find((c) => c.importSchedule?.filesPresent);
    const upload = live.find((c) => c.fileBased && c.fileGroups.some((g) => g.required) && c.fileGroups.some((g) => !g.required));
    return {
      stageApplicationId: stage?.application.id,
      upload: upload && { applicationId: upload.application.id, fileGroupIds: upload.fileGroups.map((g) => g.id), requiredGroupIds: upload.fileGroups.filter((g) => g.required).map((g) => g.id) },
      unscheduledApplicationId: live.find((c) => c.importSchedule === null)?.application.id,
      apiApplicationId: live.find((c) => !c.fileBased)?.application.id,
    };
  } catch {
    return undefined;
  }
}

function envHints(env: NodeJS.ProcessEnv): TargetHints {
  const groups = env.PA_CONTRACT_FILE_GROUPS?.split(',').map((g) => g.trim()).filter(Boolean);
  const required = env.PA_CONTRACT_REQUIRED_FILE_GROUPS?.split(',').map((g) => g.trim()).filter(Boolean);
  return {
    stageApplicationId: env.PA_CONTRACT_STAGE_APPLICATION || undefined,
    upload: env.PA_CONTRACT_UPLOAD_APPLICATION && groups?.length ? { applicationId: env.PA_CONTRACT_UPLOAD_APPLICATION, fileGroupIds: groups, requiredGroupIds: required } : undefined,
    unscheduledApplicationId: env.PA_CONTRACT_UNSCHEDULED_APPLICATION || undefined,
    apiApplicationId: env.PA_CONTRACT_API_APPLICATION || undefined,
  };
}

/** `timeoutMs` bounds the one discovery request (a server that does not answer must not stall the start). */
export async function resolveTarget(env: NodeJS.ProcessEnv = process.env, { timeoutMs = 15_000 } = {}): Promise<Target> {
  if (env.PA_BASE_URL || env.PA_TOKEN) {
    if (!env.PA_BASE_URL || !env.PA_TOKEN) throw new Error('set both PA_BASE_URL and PA_TOKEN to test a real server (or neither to test the sandbox)');
    const hints = { ...((await sandboxHints(env.PA_BASE_URL, env.PA_TOKEN, timeoutMs)) ?? {}), ...Object.fromEntries(Object.entries(envHints(env)).filter(([, v]) => v)) };
    return { baseUrl: env.PA_BASE_URL, token: env.PA_TOKEN, write: env.PA_CONTRACT_WRITE === '1', kind: 'server', hints, close: async () => undefined };
  }
  const sandbox = await startSandbox({ size: 'small' });
  const hints = (await sandboxHints(sandbox.url, sandbox.token, timeoutMs)) ?? {};
  return { baseUrl: sandbox.url, token: 'pa_contract_sandbox', write: true, kind: 'sandbox', hints, close: () => sandbox.close() };
}
