/** How an open was judged. Only `human` opens count as engagement downstream. */
export const OPEN_CLASSIFICATIONS = [
  'human',
  'machine:apple_mpp',
  'machine:proxy_prefetch',
  'machine:scanner',
  'machine:bot',
] as const;
export type OpenClassification = (typeof OPEN_CLASSIFICATIONS)[number];

/** Events the email-tracking service publishes through its outbox to JetStream. */
export const EmailEvents = {
  /** The first human open of one message (emitted once per message). */
  Opened: 'email.opened',
  /** A recipient unsubscribed through one message's link (emitted once per message). */
  Unsubscribed: 'email.unsubscribed',
} as const;

export const EMAIL_EVENTS_STREAM = {
  name: 'EMAIL_EVENTS',
  subjects: Object.values(EmailEvents),
} as const;

export interface EmailOpened {
  messageId: string;
  campaignId: string;
  contactId: string | null;
  leadId: string | null;
  /** ISO-8601 time of the open. */
  openedAt: string;
  classification: OpenClassification;
  /** Why the open was judged so (for example "mail client user agent, no machine signal"). */
  reason?: string;
}

/** `email.unsubscribed`: the recipient of one message asked to receive no more email. */
export interface EmailUnsubscribed {
  messageId: string;
  campaignId: string;
  contactId: string | null;
  leadId: string | null;
  /** ISO-8601 time the unsubscribe was recorded. */
  unsubscribedAt: string;
}
