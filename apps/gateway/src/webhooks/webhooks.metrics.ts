import { Counter } from 'prom-client';

export const webhookAttemptsTotal = new Counter({
  name: 'webhook_delivery_attempts_total',
  help: 'Outbound webhook delivery attempts by outcome (succeeded, retrying, failed: no retry left)',
  labelNames: ['outcome'] as const,
});

export const webhookSubscriptionsDisabledTotal = new Counter({
  name: 'webhook_subscriptions_disabled_total',
  help: 'Subscriptions disabled after repeated failed deliveries',
});
