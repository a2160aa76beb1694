/** What a delivery report can say about a message after it was sent. */
export const DELIVERY_EVENT_TYPES = [
  'delivered',
  'soft_bounce',
  'hard_bounce',
  'complaint',
] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];
export type DeliveryStatus = 'sent' | DeliveryEventType;

/** Global consent switch: no tracking, counts without any personal link, or per-person history. */
export const TRACKING_MODES = ['off', 'anonymous', 'individual'] as const;
export type TrackingMode = (typeof TRACKING_MODES)[number];
