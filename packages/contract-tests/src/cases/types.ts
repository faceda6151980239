// What a contract case is, and what it gets to work with.
import type { createPermissionAssistClient } from '@permission-assist/client';

export type Client = ReturnType<typeof createPermissionAssistClient>;

/** What is known about the target beyond the API: where a write case can stage or upload. */
export interface TargetHints {
  /** An application whose import can be staged (it has an import schedule). */
  stageApplicationId?: string;
  /** An application that takes uploads, and the file group ids to name its parts by (required ones first). */
  upload?: { applicationId: string; fileGroupIds: string[]; requiredGroupIds?: string[] };
  /** An application without an import schedule (staging it is refused). */
  unscheduledApplicationId?: string;
  /** An application whose connector does not read files (uploading to it is refused). */
  apiApplicationId?: string;
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
   * `expectFields`: a server that answers otherwise (with another 4xx, or another 2xx) departs
   * from an unconfirmed assumption, not from the vendor's documentation.
   */
  assumption?: string;
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
