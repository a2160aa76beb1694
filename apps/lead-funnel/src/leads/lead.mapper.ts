import type {
  LeadEventView,
  LeadSource,
  LeadStage,
  LeadView,
  ScoreContributionView,
  ScoreView,
} from '@sales-suite/contracts';
import type { LeadScore } from '../domain/score';
import type { StoredLeadEvent } from './lead-event.store';

/** A row of the `funnel.leads` read model. */
export interface LeadRow {
  id: string;
  version: number;
  source: LeadSource;
  contact_id: string | null;
  account_id: string | null;
  owner_id: string | null;
  territory_id: string | null;
  stage: LeadStage;
  stage_entered_at: Date;
  lost_reason: string | null;
  amount: number | null;
  committee: LeadView['committee'];
  champion_contact_id: string | null;
  fit_score: number;
  engagement_score: number;
  total_score: number;
  score_model_version: number | null;
  scored_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toLeadView(row: LeadRow): LeadView {
  return {
    id: row.id,
    version: row.version,
    source: row.source,
    contactId: row.contact_id,
    accountId: row.account_id,
    ownerId: row.owner_id,
    territoryId: row.territory_id,
    stage: row.stage,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    lostReason: row.lost_reason,
    amount: row.amount,
    fitScore: row.fit_score,
    engagementScore: row.engagement_score,
    totalScore: row.total_score,
    scoreModelVersion: row.score_model_version,
    scoredAt: row.scored_at?.toISOString() ?? null,
    committee: row.committee,
    championContactId: row.champion_contact_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toLeadEventView({ event, actor }: StoredLeadEvent): LeadEventView {
  return {
    type: event.type,
    version: event.version,
    occurredAt: new Date(event.occurredAt).toISOString(),
    actor,
    data: event.data as unknown as Record<string, unknown>,
  };
}

export function toScoreView(
  leadId: string,
  at: number,
  modelVersion: number,
  score: LeadScore,
): ScoreView {
  return {
    leadId,
    at: new Date(at).toISOString(),
    modelVersion,
    fit: score.fit,
    engagement: score.engagement,
    total: score.total,
    contributions: score.contributions.map((contribution): ScoreContributionView => ({
      ...contribution,
      occurredAt:
        contribution.occurredAt === null ? null : new Date(contribution.occurredAt).toISOString(),
    })),
  };
}
