/**
 * The erasure of a person (GDPR art. 17) travels as durable events: the gateway asks, each
 * service erases in its own schema and reports back. Each subject ends in the erasure's id, so
 * the gateway can purge a finished erasure's messages (the request holds the email) from the
 * stream by subject.
 */
export const PrivacyEvents = {
  /** Gateway → CRM and email-tracking: erase the person with this email and/or contact id. */
  ErasureRequested: 'privacy.erasure.requested',
  /** Gateway → lead-funnel, once the contacts are known: erase what refers to these contacts. */
  ContactsErasureRequested: 'privacy.erasure.contacts',
  /** A service → the gateway: what it erased, or why it could not. */
  ErasureReported: 'privacy.erasure.reported',
} as const;

export const PRIVACY_EVENTS_STREAM = {
  name: 'PRIVACY_EVENTS',
  subjects: ['privacy.erasure.>'],
} as const;

/** The subject of one erasure's event: `<kind>.<erasureId>`. */
export const erasureSubject = (kind: string, erasureId: string): string => `${kind}.${erasureId}`;

/** Every service that takes part, in the order of the job (the gateway redacts its webhook log last). */
export const ERASURE_SERVICES = [
  'crm-enrichment',
  'email-tracking',
  'lead-funnel',
  'gateway',
] as const;
export type ErasureService = (typeof ERASURE_SERVICES)[number];

export const ERASURE_STATUSES = ['pending', 'done', 'failed'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/** Payload of `privacy.erasure.requested.<id>`: at least one of the two is set. */
export interface ErasureRequested {
  erasureId: string;
  /** Normalised (trimmed, lower-case). */
  email: string | null;
  contactId: string | null;
}

/** Payload of `privacy.erasure.contacts.<id>`. */
export interface ContactsErasureRequested {
  erasureId: string;
  contactIds: string[];
}

export type ErasureRequest = ErasureRequested | ContactsErasureRequested;

/** Payload of `privacy.erasure.reported.<id>`. */
export interface ErasureReported {
  erasureId: string;
  service: ErasureService;
  status: 'done' | 'failed';
  /** Why it failed (never personal data); null when done. */
  reason: string | null;
  /** Rows erased or redacted, by what they were (`contacts`, `fieldHistory`, `opens`, …). */
  erased: Record<string, number>;
  /** The contact ids this service knew the person by (ids only), for the services after it. */
  contactIds: string[];
}

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function isErasureRequested(data: unknown): data is ErasureRequested {
  return (
    isRecord(data) &&
    typeof data.erasureId === 'string' &&
    isStringOrNull(data.email) &&
    isStringOrNull(data.contactId) &&
    (data.email !== null || data.contactId !== null)
  );
}

export function isContactsErasureRequested(data: unknown): data is ContactsErasureRequested {
  return isRecord(data) && typeof data.erasureId === 'string' && isStringArray(data.contactIds);
}

export function isErasureReported(data: unknown): data is ErasureReported {
  return (
    isRecord(data) &&
    typeof data.erasureId === 'string' &&
    (ERASURE_SERVICES as readonly unknown[]).includes(data.service) &&
    (data.status === 'done' || data.status === 'failed') &&
    isStringOrNull(data.reason) &&
    isRecord(data.erased) &&
    Object.values(data.erased).every((count) => Number.isInteger(count)) &&
    isStringArray(data.contactIds)
  );
}
