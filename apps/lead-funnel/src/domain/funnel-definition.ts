import {
  DomainError,
  ErrorCode,
  FieldViolation,
  LeadStage,
  validationFailed,
} from '@sales-suite/contracts/core';
import type { LostReasonTerm, StageTerm } from './funnel-vocabulary';

/**
 * Allowed moves per stage and the reasons a lead may be lost for: data, changed by PUT. The
 * glossary links (funnel-vocabulary.ts) are absent from versions stored before they existed.
 */
export interface FunnelDefinition {
  transitions: { from: LeadStage; to: LeadStage[] }[];
  lostReasons: string[];
  stages?: StageTerm[];
  lostReasonTerms?: LostReasonTerm[];
}

export const DEFAULT_FUNNEL_DEFINITION: FunnelDefinition = {
  transitions: [
    { from: 'new', to: ['engaged', 'closed_lost'] },
    { from: 'engaged', to: ['mql', 'closed_lost'] },
    { from: 'mql', to: ['sql', 'engaged', 'closed_lost'] },
    { from: 'sql', to: ['opportunity', 'closed_lost'] },
    { from: 'opportunity', to: ['closed_won', 'closed_lost'] },
    { from: 'closed_lost', to: ['recycled'] },
    { from: 'recycled', to: ['engaged', 'closed_lost'] },
  ],
  lostReasons: [
    'no_budget',
    'no_need',
    'bad_timing',
    'lost_to_competitor',
    'unresponsive',
    'bad_fit',
  ],
};

export function allowedTransitions(definition: FunnelDefinition, from: LeadStage): LeadStage[] {
  return definition.transitions.find((entry) => entry.from === from)?.to ?? [];
}

export function isTransitionAllowed(
  definition: FunnelDefinition,
  from: LeadStage,
  to: LeadStage,
): boolean {
  return allowedTransitions(definition, from).includes(to);
}

/** What the DTO cannot check alone: one entry per stage, no move from a stage to itself. */
export function funnelDefinitionViolations(definition: FunnelDefinition): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const seen = new Set<LeadStage>();
  definition.transitions.forEach((entry, index) => {
    if (seen.has(entry.from))
      violations.push({
        field: `transitions.${index}.from`,
        reason: `stage ${entry.from} is listed twice`,
      });
    seen.add(entry.from);
    if (entry.to.includes(entry.from))
      violations.push({
        field: `transitions.${index}.to`,
        reason: `stage ${entry.from} cannot move to itself`,
      });
  });
  return violations;
}

/**
 * Refuses a move the definition does not allow (409 naming the allowed ones) and a loss without
 * one of the configured reasons (400 on `reason`).
 */
export function assertTransition(
  definition: FunnelDefinition,
  from: LeadStage,
  to: LeadStage,
  reason: string | null,
): void {
  const allowed = allowedTransitions(definition, from);
  if (!allowed.includes(to)) {
    const options = allowed.length > 0 ? allowed.join(', ') : 'none';
    throw new DomainError(
      ErrorCode.LeadTransitionNotAllowed,
      `A lead cannot move from ${from} to ${to}; allowed from ${from}: ${options}`,
      { from, to, allowed },
    );
  }
  if (to === 'closed_lost' && (reason === null || !definition.lostReasons.includes(reason))) {
    throw validationFailed([
      {
        field: 'reason',
        reason: `closed_lost needs a reason, one of: ${definition.lostReasons.join(', ')}`,
      },
    ]);
  }
}
