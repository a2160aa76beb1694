/** Funnel stages. Which moves are allowed between them is data (the funnel definition). */
export const LEAD_STAGES = [
  'new',
  'engaged',
  'mql',
  'sql',
  'opportunity',
  'closed_won',
  'closed_lost',
  'recycled',
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** Stages a lead cannot leave without an explicit move (analytics count them as outcomes). */
export const CLOSED_STAGES: readonly LeadStage[] = ['closed_won', 'closed_lost'];

export const LEAD_SOURCES = ['inbound', 'outbound', 'event', 'referral', 'partner'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const COMMITTEE_ROLES = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'influencer',
  'technical_buyer',
  'user',
  'blocker',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** Engagement a lead can show; `email_opened` arrives from email tracking (human opens only). */
export const ENGAGEMENT_TYPES = [
  'email_opened',
  'email_clicked',
  'meeting_booked',
  'form_submitted',
  'web_visit',
  'unsubscribed',
] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

/** Contact/account attributes a fit rule may test (see `ContactFitAttributes`). */
export const FIT_ATTRIBUTES = [
  'seniority',
  'department',
  'country',
  'region',
  'industry',
  'employeeRange',
  'freeEmail',
  'disposableEmail',
  'roleAccount',
] as const;
export type FitAttribute = (typeof FIT_ATTRIBUTES)[number];

export const REGIONS = ['AMER', 'EMEA', 'APAC'] as const;
export type Region = (typeof REGIONS)[number];

export const LEAD_EVENT_TYPES = [
  'LeadCreated',
  'StageChanged',
  'EngagementRecorded',
  'FitUpdated',
  'CommitteeMemberAdded',
  'ChampionIdentified',
  'LeadAssigned',
  'ScoreChanged',
] as const;
export type LeadEventType = (typeof LEAD_EVENT_TYPES)[number];

/** A company size bucket as CRM writes it: `51-200`, `10000+`. */
export const EMPLOYEE_RANGE_PATTERN = /^\d+(-\d+|\+)$/;
