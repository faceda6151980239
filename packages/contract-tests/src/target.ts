// Where the suite runs: a real server when a base URL and token are given, otherwise the sandbox
// started in-process on a free port. Where the write cases may stage and upload, and which identity
// they may act on, come from the user (flags or PA_CONTRACT_* variables) or, on a sandbox, from its
// control plane. A target whose control plane answers is treated as a sandbox (its data is disposable).
import { startSandbox } from '@permission-assist/mock';
import type { TargetHints } from './cases/index.js';
import { serverRoot } from './server-root.js';

export interface Target {
  baseUrl: string;
  token: string;
  /** Writes are always allowed on the in-process sandbox; on a server only with --write. */
  write: boolean;
  kind: 'sandbox' | 'server';
  /** The control plane of a sandbox answers at this URL. */
  sandbox: boolean;
  /** The existing identity write cases may act on (--write-identity). */
  writeIdentity?: string;
  hints: TargetHints;
  close(): Promise<void>;
}

/** What the user gave, and how: so a message can name what is missing as it was given. */
export interface TargetInput {
  baseUrl?: { value: string; from: string };
  token?: { value: string; from: string };
  write?: boolean;
  writeIdentity?: string;
  stageApplicationId?: string;
  upload?: { applicationId?: string; fileGroupIds: string[]; requiredGroupIds: string[] };
  unscheduledApplicationId?: string;
  apiApplicationId?: string;
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
      upload: upload && { applicationId: upload.application.id, fileGroupIds: upload.fileGroups.map((g) => g.id), requiredGroupIds: upload.fileGroups.filter((g) => g.required).map((g) => g.id), source: 'sandbox' },
      unscheduledApplicationId: live.find((c) => c.importSchedule === null)?.application.id,
      apiApplicationId: live.find((c) => !c.fileBased)?.application.id,
    };
  } catch {
    return undefined;
  }
}

const list = (value: string | undefined) => value?.split(',').map((g) => g.trim()).filter(Boolean) ?? [];

/** The target as the environment gives it (PA_BASE_URL, PA_TOKEN, PA_CONTRACT_*). */
export function inputFromEnv(env: NodeJS.ProcessEnv): TargetInput {
  return {
    baseUrl: env.PA_BASE_URL ? { value: env.PA_BASE_URL, from: 'PA_BASE_URL' } : undefined,
    token: env.PA_TOKEN ? { value: env.PA_TOKEN, from: 'PA_TOKEN' } : undefined,
    write: env.PA_CONTRACT_WRITE === '1',
    writeIdentity: env.PA_CONTRACT_WRITE_IDENTITY || undefined,
    stageApplicationId: env.PA_CONTRACT_STAGE_APPLICATION || undefined,
    upload: { applicationId: env.PA_CONTRACT_UPLOAD_APPLICATION || undefined, fileGroupIds: list(env.PA_CONTRACT_FILE_GROUPS), requiredGroupIds: list(env.PA_CONTRACT_REQUIRED_FILE_GROUPS) },
    unscheduledApplicationId: env.PA_CONTRACT_UNSCHEDULED_APPLICATION || undefined,
    apiApplicationId: env.PA_CONTRACT_API_APPLICATION || undefined,
  };
}

function namedHints(input: TargetInput): TargetHints {
  const upload = input.upload;
  return Object.fromEntries(
    Object.entries({
      stageApplicationId: input.stageApplicationId,
      upload: upload?.applicationId && upload.fileGroupIds.length ? { applicationId: upload.applicationId, fileGroupIds: upload.fileGroupIds, requiredGroupIds: upload.requiredGroupIds, source: 'named' as const } : undefined,
      unscheduledApplicationId: input.unscheduledApplicationId,
      apiApplicationId: input.apiApplicationId,
    }).filter(([, v]) => v),
  );
}

/** `timeoutMs` bounds the one discovery request (a server that does not answer must not stall the start). */
export async function resolveTarget(from: NodeJS.ProcessEnv | TargetInput = process.env, { timeoutMs = 15_000 } = {}): Promise<Target> {
  const input: TargetInput = 'PA_BASE_URL' in from || 'PA_TOKEN' in from || !('baseUrl' in from || 'token' in from || 'write' in from) ? inputFromEnv(from as NodeJS.ProcessEnv) : (from as TargetInput);
  const { baseUrl, token } = input;
  if (baseUrl || token) {
    if (!token) throw new Error(`no token: ${baseUrl!.from} gives the server, but not the token to call it with; set PA_TOKEN`);
    if (!baseUrl) throw new Error(`no base URL: ${token.from} gives a token, but not the server to test; give --base-url https://pa.example.com (or PA_BASE_URL), or unset ${token.from} to test the bundled sandbox`);
    if (input.upload?.applicationId && !input.upload.fileGroupIds.length) throw new Error('--upload-application needs the file group ids of its connector: add --file-group ID (once per group)');
    if (!input.upload?.applicationId && input.upload?.fileGroupIds.length) throw new Error('--file-group needs the application they belong to: add --upload-application ID');
    const control = await sandboxHints(baseUrl.value, token.value, timeoutMs);
    const hints = { ...(control ?? {}), ...namedHints(input) };
    return { baseUrl: baseUrl.value, token: token.value, write: input.write ?? false, kind: 'server', sandbox: control !== undefined, writeIdentity: input.writeIdentity, hints, close: async () => undefined };
  }
  const sandbox = await startSandbox({ size: 'small' });
  const hints = (await sandboxHints(sandbox.url, sandbox.token, timeoutMs)) ?? {};
  return { baseUrl: sandbox.url, token: 'pa_contract_sandbox', write: true, kind: 'sandbox', sandbox: true, writeIdentity: input.writeIdentity, hints, close: () => sandbox.close() };
}
