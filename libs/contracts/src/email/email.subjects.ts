/** Request/reply subjects served by the email-tracking service (queue group `email-tracking`). */
export const EmailSubjects = {
  CreateCampaign: 'email.campaign.create',
  ListCampaigns: 'email.campaign.list',
  GetCampaign: 'email.campaign.get',
  UpdateCampaign: 'email.campaign.update',
  SetCampaignArchived: 'email.campaign.archive',
  ListCampaignMessages: 'email.campaign.messages',
  StoreMessages: 'email.message.store',
  GetMessage: 'email.message.get',
  Render: 'email.message.render',
  RecordDeliveryEvents: 'email.delivery.record',
  RecordEspWebhook: 'email.esp-webhook.record',
  CampaignStats: 'email.campaign.stats',
  ContactEngagement: 'email.contact.engagement',
  SetContactTracking: 'email.contact.tracking.set',
  EraseContactTracking: 'email.contact.tracking.erase',
  GetConsent: 'email.consent.get',
  SetConsent: 'email.consent.set',
  RecordUnsubscribe: 'email.unsubscribe.record',
} as const;

/**
 * Raw pixel hits, published by the gateway in batches and consumed (classified, counted) by the
 * service: one subject per partition (`email.pixel.hits.<partition>`, see `pixelHitPartition`).
 * `LegacyHits` is where gateways before partitioning published; the service still drains it.
 */
export const EmailPixelSubjects = {
  PartitionedHits: 'email.pixel.hits.*',
  LegacyHits: 'email.pixel.hits',
} as const;

/** The subject of one partition's hits. */
export function pixelHitsSubject(partition: number): string {
  return `email.pixel.hits.${partition}`;
}

export const EMAIL_PIXEL_HITS_STREAM = {
  name: 'EMAIL_PIXEL_HITS',
  subjects: Object.values(EmailPixelSubjects),
} as const;

/**
 * One fetch of a valid pixel, as the edge saw it. `hitId` is unique in the service's opens, so
 * a hit delivered twice counts once. Raw IP and user agent live only in this message; the
 * service keeps truncated forms.
 */
export interface EmailPixelHit {
  hitId: string;
  messageId: string;
  /** ISO-8601 time the edge received the request. */
  at: string;
  userAgent: string;
  ip: string;
}

/**
 * What one JetStream message carries: the hits the edge had buffered, up to
 * `MAX_HITS_PER_MESSAGE`. `batchId` is the JetStream message id (a retried publish reuses it).
 */
export interface EmailPixelHitBatch {
  batchId: string;
  hits: EmailPixelHit[];
}

/** A hit batch as the gateway publishes it; anything else can never be recorded. */
export function isEmailPixelHitBatch(data: unknown): data is EmailPixelHitBatch {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as Partial<EmailPixelHitBatch>).hits)
  );
}

/** Hits per message: with 512-character user agents a batch stays well under NATS's 1 MB. */
export const MAX_HITS_PER_MESSAGE = 256;

/** Longest user agent carried in a hit; longer ones are cut (the verdict needs only the start). */
export const MAX_HIT_USER_AGENT_LENGTH = 512;
