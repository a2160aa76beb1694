import type { EngagementType, FitAttribute } from './lead-vocabulary';

/** Points when a contact/account attribute equals one of `values` (fit does not decay). */
export interface FitRule {
  id: string;
  attribute: FitAttribute;
  values: (string | boolean)[];
  points: number;
}

export interface EngagementCap {
  points: number;
  periodDays: number;
}

/** Points per engagement event, decayed by half-life and capped per calendar period. */
export interface EngagementRule {
  id: string;
  event: EngagementType;
  points: number;
  halfLifeDays: number;
  cap?: EngagementCap;
}

export interface ScoringModel {
  fit: FitRule[];
  engagement: EngagementRule[];
  committee: { pointsPerRole: number; maxPoints: number };
  champion: { points: number };
  qualification: { mqlThreshold: number; hysteresis: number };
}

/** What a part of a lead's score comes from. */
export const CONTRIBUTION_KINDS = ['fit', 'engagement', 'committee', 'champion'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
