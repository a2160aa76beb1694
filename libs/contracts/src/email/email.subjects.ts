/** Request/reply subjects served by the email-tracking service (queue group `email-tracking`). */
export const EmailSubjects = {
  CreateCampaign: 'email.campaign.create',
  StoreMessages: 'email.message.store',
  GetMessage: 'email.message.get',
  Render: 'email.message.render',
  RecordDeliveryEvents: 'email.delivery.record',
  CampaignStats: 'email.campaign.stats',
  ContactEngagement: 'email.contact.engagement',
  SetContactTracking: 'email.contact.tracking.set',
  EraseContactTracking: 'email.contact.tracking.erase',
  GetConsent: 'email.consent.get',
  SetConsent: 'email.consent.set',
} as const;

/** Raw pixel hits, published by the gateway and consumed (classified, counted) by the service. */
export const EmailPixelSubjects = {
  Hit: 'email.pixel.hit',
} as const;

export const EMAIL_PIXEL_HITS_STREAM = {
  name: 'EMAIL_PIXEL_HITS',
  subjects: Object.values(EmailPixelSubjects),
} as const;

/**
 * One fetch of a valid pixel, as the edge saw it. `hitId` is the JetStream message id: a hit
 * republished after a lost acknowledgement is dropped by the stream or by the consumer's inbox.
 * Raw IP and user agent live only in this message; the service keeps truncated forms.
 */
export interface EmailPixelHit {
  hitId: string;
  messageId: string;
  /** ISO-8601 time the edge received the request. */
  at: string;
  userAgent: string;
  ip: string;
}

/** Longest user agent carried in a hit; longer ones are cut (the verdict needs only the start). */
export const MAX_HIT_USER_AGENT_LENGTH = 512;
