// How much data each size generates. Identities and access requests come out a little above these
// figures (approved onboardings add identities; events add access requests), never below.
export type SandboxSize = 'small' | 'medium' | 'large';

export interface SizeTargets {
  identities: number;
  applications: number;
  events: number;
  imports: number;
  accessRequests: number;
}

export const SIZES: Record<SandboxSize, SizeTargets> = {
  small: { identities: 120, applications: 12, events: 40, imports: 20, accessRequests: 300 },
  medium: { identities: 1250, applications: 42, events: 420, imports: 160, accessRequests: 3100 },
  large: { identities: 12_500, applications: 120, events: 4200, imports: 1600, accessRequests: 31_000 },
};

export const SIZE_NAMES = Object.keys(SIZES) as SandboxSize[];

/** How far back the seeded history reaches from the clock's start. */
export const HISTORY_DAYS = 120;
