import type { LeadStage } from '../leads/lead-vocabulary';

/** Seniority levels (Apollo's vocabulary), most senior first. */
export const SENIORITIES = [
  'owner',
  'founder',
  'c_suite',
  'partner',
  'vp',
  'head',
  'director',
  'manager',
  'senior',
  'entry',
  'intern',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const DEPARTMENTS = [
  'sales',
  'marketing',
  'engineering',
  'finance',
  'operations',
  'product',
  'customer_success',
  'hr',
  'legal',
  'executive',
  'other',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Events the CRM enrichment service publishes through its outbox to JetStream. */
export const CrmEvents = {
  ContactEnriched: 'crm.contact.enriched',
  ContactUpdated: 'crm.contact.updated',
  AccountUpdated: 'crm.account.updated',
  /** An import with `createLeads=true` asks the lead funnel for this contact's lead. */
  ContactLeadRequested: 'crm.contact.lead_requested',
} as const;

export const CRM_EVENTS_STREAM = {
  name: 'CRM_EVENTS',
  subjects: Object.values(CrmEvents),
} as const;

/** The attributes lead scoring reads from a contact and its account (null when unknown). */
export interface ContactFitAttributes {
  seniority: Seniority | null;
  department: Department | null;
  /** ISO-3166 alpha-2. */
  country: string | null;
  industry: string | null;
  /** e.g. "51-200". */
  employeeRange: string | null;
  freeEmail: boolean;
  disposableEmail: boolean;
  roleAccount: boolean;
}

/** Payload of `crm.contact.enriched` and `crm.contact.updated`. */
export interface CrmContactChanged {
  contactId: string;
  accountId: string | null;
  email: string | null;
  fit: ContactFitAttributes;
  changedFields: string[];
  /** ISO-8601 time of the change. */
  occurredAt: string;
}

/** Payload of `crm.account.updated`. */
export interface CrmAccountUpdated {
  accountId: string;
  domain: string;
  name: string | null;
  industry: string | null;
  employeeRange: string | null;
  country: string | null;
  changedFields: string[];
  occurredAt: string;
}

/** Payload of `crm.contact.lead_requested`. */
export interface CrmContactLeadRequested {
  contactId: string;
  /** The funnel stage the file's lifecycle value maps to. */
  stage: LeadStage;
  /** ISO-8601: the file's create date of the contact, or the import time when it has none. */
  occurredAt: string;
  importId: string;
}
