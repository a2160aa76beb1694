import type {
  CommitteeRole,
  ContactFitAttributes,
  LeadSource,
  LeadStage,
} from '@sales-suite/contracts/core';
import type { LeadEvent } from './lead-events';

export interface StageVisit {
  stage: LeadStage;
  enteredAt: number;
  leftAt: number | null;
}

export interface StoredScore {
  modelVersion: number;
  fit: number;
  engagement: number;
  total: number;
  at: number;
}

/** A lead as its events say it is: the write side's aggregate and the read model's source. */
export interface LeadState {
  id: string;
  version: number;
  source: LeadSource;
  contactId: string | null;
  accountId: string | null;
  ownerId: string | null;
  /** An owner given at creation: territories never replace it automatically. */
  ownerPinned: boolean;
  territoryId: string | null;
  stage: LeadStage;
  stageVisits: StageVisit[];
  lostReason: string | null;
  /** The current MQL stage was reached automatically (only those fall back automatically). */
  autoQualified: boolean;
  amount: number | null;
  committee: { contactId: string; role: CommitteeRole }[];
  championContactId: string | null;
  fit: ContactFitAttributes | null;
  engagementCount: number;
  score: StoredScore | null;
  createdAt: number;
  updatedAt: number;
}

/** Applies one event; pure (returns a new state) so replays always give the same result. */
export function applyLeadEvent(state: LeadState | null, event: LeadEvent): LeadState {
  if (event.type === 'LeadCreated') {
    if (state) throw new Error(`Lead ${state.id} already exists`);
    return {
      id: '',
      version: event.version,
      source: event.data.source,
      contactId: event.data.contactId,
      accountId: event.data.accountId,
      ownerId: event.data.ownerId,
      ownerPinned: event.data.ownerId !== null,
      territoryId: null,
      stage: 'new',
      stageVisits: [{ stage: 'new', enteredAt: event.occurredAt, leftAt: null }],
      lostReason: null,
      autoQualified: false,
      amount: event.data.amount,
      committee: [],
      championContactId: null,
      fit: null,
      engagementCount: 0,
      score: null,
      createdAt: event.occurredAt,
      updatedAt: event.occurredAt,
    };
  }
  if (!state) throw new Error(`${event.type} before LeadCreated`);
  const next: LeadState = { ...state, version: event.version, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'StageChanged': {
      const visits = state.stageVisits.slice();
      const last = visits[visits.length - 1];
      visits[visits.length - 1] = { ...last, leftAt: event.occurredAt };
      visits.push({ stage: event.data.to, enteredAt: event.occurredAt, leftAt: null });
      next.stage = event.data.to;
      next.stageVisits = visits;
      next.lostReason = event.data.to === 'closed_lost' ? event.data.reason : null;
      next.autoQualified = event.data.to === 'mql' && event.data.automatic;
      return next;
    }
    case 'EngagementRecorded':
      next.engagementCount = state.engagementCount + 1;
      return next;
    case 'FitUpdated':
      next.fit = event.data.fit;
      return next;
    case 'CommitteeMemberAdded':
      next.committee = [
        ...state.committee.filter((member) => member.contactId !== event.data.contactId),
        { contactId: event.data.contactId, role: event.data.role },
      ];
      return next;
    case 'ChampionIdentified':
      next.championContactId = event.data.contactId;
      return next;
    case 'LeadAssigned':
      next.territoryId = event.data.territoryId;
      next.ownerId = event.data.ownerId;
      return next;
    case 'ScoreChanged':
      next.score = {
        modelVersion: event.data.modelVersion,
        fit: event.data.fit,
        engagement: event.data.engagement,
        total: event.data.total,
        at: event.occurredAt,
      };
      return next;
  }
}

/** Folds a whole stream (in version order) into the lead's state. */
export function replayLead(id: string, events: readonly LeadEvent[]): LeadState | null {
  let state: LeadState | null = null;
  for (const event of events) state = applyLeadEvent(state, event);
  return state ? { ...state, id } : null;
}
