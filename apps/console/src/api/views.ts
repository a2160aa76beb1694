import type { components } from '@sales-suite/client';

/** The gateway's answers the console reads, as the typed client names them. */
type Schemas = components['schemas'];

export type Me = Schemas['MeView'];
export type Stage = Schemas['LeadView']['stage'];
export type Lead = Schemas['LeadView'];
export type LeadHistory = Schemas['LeadHistoryView'];
export type Score = Schemas['ScoreView'];
export type FunnelDefinition = Schemas['FunnelDefinitionView'];
export type FunnelStats = Schemas['FunnelStatsView'];
export type FunnelGroup = Schemas['FunnelStatsGroupView'];
export type CampaignStats = Schemas['CampaignStatsView'];
export type Term = Schemas['TermView'];
export type SearchHit = Schemas['SearchHitView'];
export type Suggestion = Schemas['SuggestionView'];
export type RevisionSummary = Schemas['RevisionSummaryView'];
export type FieldProvenance = Schemas['FieldProvenanceView'];
export type CrmImport = Schemas['ImportView'];
