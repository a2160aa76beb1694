/** The gateway's answers the console reads (the OpenAPI document at /docs-json is the reference). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  id: string;
  name: string;
  scopes: string[];
}

export type Stage =
  | 'new'
  | 'engaged'
  | 'mql'
  | 'sql'
  | 'opportunity'
  | 'closed_won'
  | 'closed_lost'
  | 'recycled';

export interface Lead {
  id: string;
  version: number;
  source: string;
  contactId: string | null;
  ownerId: string | null;
  territoryId: string | null;
  stage: Stage;
  stageEnteredAt: string;
  lostReason: string | null;
  amount: number | null;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  createdAt: string;
}

export interface LeadEvent {
  type: string;
  version: number;
  occurredAt: string;
  actor: string | null;
  data: Record<string, unknown>;
}

export interface LeadHistory {
  leadId: string;
  version: number;
  events: LeadEvent[];
}

export interface ScoreContribution {
  kind: 'fit' | 'engagement' | 'committee' | 'champion';
  rule: string;
  eventVersion: number;
  occurredAt: string;
  points: number;
  countedPoints: number;
  decayedPoints: number;
}

export interface Score {
  at: string;
  modelVersion: number;
  fit: number;
  engagement: number;
  total: number;
  contributions: ScoreContribution[];
}

export interface LinkedTerm {
  name: string;
  definition: string;
}

export interface FunnelDefinition {
  version: number;
  transitions: { from: Stage; to: Stage[] }[];
  lostReasons: string[];
  stages: { stage: Stage; termSlug: string; term: LinkedTerm | null }[];
  lostReasonTerms: { reason: string; termSlug: string; term: LinkedTerm | null }[];
}

export interface FunnelGroup {
  key: string | null;
  leads: number;
  byStage: Record<string, number>;
  reached: Record<string, number>;
  conversions: { from: Stage; to: Stage; entered: number; converted: number; rate: number | null }[];
  won: number;
  lost: number;
  winRate: number | null;
  medianSecondsInStage: Record<string, number | null>;
  lostReasons: Record<string, number>;
}

export interface FunnelStats {
  from: string;
  to: string;
  groupBy: string | null;
  definitionVersion: number;
  overall: FunnelGroup;
  groups: FunnelGroup[];
}

export interface Campaign {
  id: string;
  name: string;
  subject: string;
  createdAt: string;
  archivedAt?: string | null;
}

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}

export interface CampaignStats {
  campaignId: string;
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
  totalOpens: number;
  uniqueOpens: number;
  uniqueHumanOpens: number;
  opensByClassification: Record<string, number>;
  openRate: Rate;
  humanOpenRate: Rate;
  timeToFirstOpen: {
    medianSeconds: number | null;
    p90Seconds: number | null;
    samples: number;
    definition: string;
  };
  series: { definition: string; buckets: { start: string; opens: number; humanOpens?: number }[] };
  definitions: Record<string, string>;
}

export interface Term {
  slug: string;
  name: string;
  definition: string;
  details: string | null;
  aliases: string[];
  category: string | null;
  tags: string[];
  relations: { type: string; slug: string }[];
  status: string;
  version: number;
  updatedAt: string;
}

export interface SearchHit {
  slug: string;
  name: string;
  match: string;
  snippet: string;
}

export interface Suggestion {
  slug: string;
  name: string;
  label: string;
}

export interface RevisionSummary {
  n: number;
  action: string;
  actor: string | null;
  createdAt: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface Mention {
  slug: string;
  start: number;
  end: number;
  matched: string;
}

export interface FieldProvenance {
  value: unknown;
  source: string;
  confidence: number;
  observedAt: string;
  verifiedAt: string | null;
  locked: boolean;
  invalid?: boolean;
  reason?: string;
}

export interface Contact {
  id: string;
  email: string;
  fullName: string | null;
  title: string | null;
  country: string | null;
  doNotContact: boolean;
  provenance: Record<string, FieldProvenance>;
  version: number;
  updatedAt: string;
}

export interface CrmImport {
  id: string;
  status: 'receiving' | 'queued' | 'running' | 'completed' | 'failed';
  fileName: string | null;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string; reason: string }[];
}
