/**
 * Subjects the gateway replicas broadcast to one another (plain subscriptions: every replica
 * hears every message; nothing is stored).
 */
export const GatewayBroadcasts = {
  /** Each replica's accepted requests per API key and window (see the rate limiter). */
  RateLimitSync: 'gateway.ratelimit.sync',
  /** An API key was revoked or changed: every replica drops what it cached about it. */
  ApiKeyChanged: 'gateway.api-key.changed',
} as const;

export interface ApiKeyChangedMessage {
  /** The key's id (never the key or its hash). */
  id: string;
}
