import type { LeadSource, LeadStage } from './lead-vocabulary';

/**
 * Events the lead-funnel service publishes through its outbox to JetStream. Exact subjects, not
 * `lead.>`: the service's request/reply subjects (`lead.create`, …) share the `lead.` prefix and
 * must never be captured by the stream. Payloads carry ids, never personal data.
 */
export const LeadEvents = {
  Created: 'lead.created',
  StageChanged: 'lead.stage_changed',
  Qualified: 'lead.qualified',
  Disqualified: 'lead.disqualified',
  Assigned: 'lead.assigned',
  ScoreChanged: 'lead.score_changed',
} as const;
export type LeadEventSubject = (typeof LeadEvents)[keyof typeof LeadEvents];

export const LEAD_EVENTS_STREAM = {
  name: 'LEAD_EVENTS',
  subjects: Object.values(LeadEvents),
} as const;

/** What every lead event says: which lead, which version of its stream, when. */
export interface LeadEventBase {
  leadId: string;
  /** The stream version of the fact published (the history's `version`). */
  version: number;
  occurredAt: string;
}

export interface LeadCreatedEvent extends LeadEventBase {
  source: LeadSource;
  contactId: string | null;
  accountId: string | null;
  ownerId: string | null;
}

export interface LeadStageChangedEvent extends LeadEventBase {
  from: LeadStage;
  to: LeadStage;
  reason: string | null;
  automatic: boolean;
}

/** `lead.qualified`: the lead became an MQL; `lead.disqualified`: it left MQL for engaged or closed_lost. */
export interface LeadQualificationEvent extends LeadEventBase {
  from: LeadStage;
  to: LeadStage;
  automatic: boolean;
  /** The score that moved it (automatic moves), else null. */
  score: number | null;
}

export interface LeadAssignedEvent extends LeadEventBase {
  territoryId: string | null;
  ownerId: string | null;
  reason: 'explicit' | 'round_robin' | 'territory_change';
}

export interface LeadScoreChangedEvent extends LeadEventBase {
  modelVersion: number;
  fit: number;
  engagement: number;
  total: number;
  /** The total last published for this lead (0 before the first). */
  previousTotal: number;
  /** `threshold`: crossed one of `crossed`; `change`: moved by at least the configured amount. */
  reason: 'threshold' | 'change';
  crossed: number[];
}
