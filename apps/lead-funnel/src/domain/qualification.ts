import type { LeadStage, ScoringModel } from '@sales-suite/contracts/core';

export interface QualificationMove {
  to: LeadStage;
}

/**
 * MQL with hysteresis: an engaged lead whose score reaches the threshold becomes an MQL; an MQL
 * that got there automatically falls back to engaged only once its score drops below
 * threshold − hysteresis, so a score hovering around the threshold does not flip the stage.
 * Leads moved to MQL by hand are never moved back automatically.
 */
export function qualificationMove(
  stage: LeadStage,
  autoQualified: boolean,
  score: number,
  qualification: ScoringModel['qualification'],
): QualificationMove | null {
  if (stage === 'engaged' && score >= qualification.mqlThreshold) return { to: 'mql' };
  if (
    stage === 'mql' &&
    autoQualified &&
    score < qualification.mqlThreshold - qualification.hysteresis
  )
    return { to: 'engaged' };
  return null;
}
