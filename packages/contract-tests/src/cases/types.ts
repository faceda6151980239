// What a contract case is, and what it gets to work with.
import type { createPermissionAssistClient } from '@permission-assist/client';

export type Client = ReturnType<typeof createPermissionAssistClient>;

/** What is known about the target beyond the API: where a write case can stage or upload. */
export interface TargetHints {
  /** An application whose import can be staged (it has an import schedule). */
  stageApplicationId?: string;
  /**
   * An application that takes uploads, and the file group ids to name its parts by. `source` says
   * where they came from: named by the user (--upload-application/--file-group), a sandbox's
   * connector list, or the `files[].fileGroupId` of an earlier import (the vendor's way).
   */
  upload?: UploadTarget;
  /** An application without an import schedule (staging it is refused). */
  unscheduledApplicationId?: string;
  /** An application whose connector does not read files (uploading to it is refused). */
  apiApplicationId?: string;
}

export interface UploadTarget {
  applicationId: string;
  fileGroupIds: string[];
  requiredGroupIds?: string[];
  source: 'named' | 'sandbox' | 'discovered';
}

/** What is known about the target before the run, for the list of what it will create. */
export interface PlanContext {
  baseUrl: string;
  sandbox: boolean;
  /** The identity write cases act on (--write-identity, or one the sandbox holds). */
  identity?: string;
  hints: TargetHints;
}

export interface Expectation {
  /** What the spec or the vendor says should happen. */
  expected: string;
  /** What happened instead. */
  actual: string;
  /** Where: a JSON path into the response, or a description (`items order`). */
  path?: string;
}

export interface CaseContext {
  /** Client with the target's valid token. */
  pa: Client;
  /** Client with another token (the authentication cases). */
  withToken(token: string): Client;
  /** A fetch with the target's base URL and token, for requests the client refuses to send. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Ids and samples found on the target, shared between cases (an identity to offboard...). */
  found: Record<string, any>;
  hints: TargetHints;
  /** Whether the target is a sandbox (its control plane answers): its data may be changed freely. */
  sandbox: boolean;
  /**
   * The existing identity a case may act on: the one named with --write-identity, or on a sandbox
   * an active identity it holds. Throws SkipCase on a real server when none was named.
   */
  subject(): string;
  /** A documented behaviour: when `ok` is false it is a failure. */
  check(ok: boolean, expectation: Expectation): void;
  /**
   * A behaviour the spec chose where the vendor is silent (an `x-assumptions` key of the case's
   * operation): when `ok` is false it is reported as an unconfirmed assumption that differs.
   */
  assume(key: string, ok: boolean, expectation: Expectation): void;
}

export interface ContractCase {
  name: string;
  operationId: string;
  /** Creates or changes data on the target (run against a real server only with --write). */
  write: boolean;
  /** The status this case must produce (undefined: any documented success). */
  expectStatus?: number;
  /** Request fields the 400 answer must name. */
  expectFields?: string[];
  /**
   * The `x-assumptions` key (of the operation or one of its parameters) behind `expectStatus` and
   * `expectFields`: a server that answers otherwise departs from an unconfirmed assumption, not
   * from the vendor's documentation (see `documents` for what stays a failure).
   */
  assumption?: string;
  /**
   * What the vendor does document for a case whose status is an assumption:
   * - 'refusal': the vendor states the rule (e.g. no empty files), only not how it is refused, so a
   *   server that carries the request out fails, and another 4xx is an assumption that differs;
   * - 'success': the request is valid by the vendor's rules, only the success status is assumed, so
   *   a refusal fails, and another 2xx is an assumption that differs.
   * Without it the whole behaviour is the spec's choice (page=0, an unknown filter value): any
   * answer but a server error is at most an assumption that differs.
   */
  documents?: 'refusal' | 'success';
  /**
   * Another status a correct server may answer because the request breaks two rules and the vendor
   * does not say which is checked first (an impossible date for an identity that does not exist):
   * reported as a warning, never as a failure.
   */
  alsoFair?: { status: number; because: string };
  /** Further `x-assumptions` keys the case checks itself through `ctx.assume()`. */
  assumes?: string[];
  /** Acts on an existing identity (`ctx.subject()`): on a real server only with --write-identity. */
  needsIdentity?: boolean;
  /** What the case creates when it runs on this target, for the list printed before the first write. */
  creates?: (target: PlanContext) => string | undefined;
  run(ctx: CaseContext): Promise<unknown>;
}

/** Thrown by a case that cannot run on this target (an empty collection, no upload hint). */
export class SkipCase extends Error {
  override name = 'SkipCase';
}

/** A GUID no record has (version 4, so every validator accepts it). */
export const UNKNOWN_ID = '00000000-0000-4000-8000-00000000c0de';

/** A date `days` ahead of today (UTC): create operations require today or later. */
export const future = (days = 30) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
