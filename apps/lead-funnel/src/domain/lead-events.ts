import type {
  CommitteeRole,
  ContactFitAttributes,
  EngagementType,
  LeadSource,
  LeadStage,
} from '@sales-suite/contracts/core';

/** What made the funnel move a lead on its own: the score that crossed the threshold. */
export interface QualificationCause {
  score: number;
  threshold: number;
  hysteresis: number;
  modelVersion: number;
}

export type AssignmentReason = 'explicit' | 'round_robin' | 'territory_change';

/** Payload of each event type, by type. Events are facts: never changed once appended. */
export interface LeadEventData {
  LeadCreated: {
    source: LeadSource;
    contactId: string | null;
    accountId: string | null;
    ownerId: string | null;
    amount: number | null;
  };
  StageChanged: {
    from: LeadStage;
    to: LeadStage;
    reason: string | null;
    automatic: boolean;
    cause: QualificationCause | null;
  };
  EngagementRecorded: {
    type: EngagementType;
    contactId: string | null;
    /** The upstream message it came from (e.g. the email message id), if any. */
    sourceId: string | null;
  };
  FitUpdated: { contactId: string | null; fit: ContactFitAttributes };
  CommitteeMemberAdded: { contactId: string; role: CommitteeRole };
  ChampionIdentified: { contactId: string };
  LeadAssigned: {
    territoryId: string | null;
    ownerId: string | null;
    reason: AssignmentReason;
  };
  ScoreChanged: { modelVersion: number; fit: number; engagement: number; total: number };
}

export type LeadEventOf<K extends keyof LeadEventData> = {
  type: K;
  /** Position in the lead's stream, from 1. */
  version: number;
  /** Epoch milliseconds (numbers keep scoring fast; views format them as ISO-8601). */
  occurredAt: number;
  data: LeadEventData[K];
};

export type LeadEvent = { [K in keyof LeadEventData]: LeadEventOf<K> }[keyof LeadEventData];

/** An event about to be appended: the stream assigns its version. */
export type NewLeadEvent = {
  [K in keyof LeadEventData]: Omit<LeadEventOf<K>, 'version'>;
}[keyof LeadEventData];
