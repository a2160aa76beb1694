import { Counter } from 'prom-client';

export const espWebhookEventsTotal = new Counter({
  name: 'email_esp_webhook_events_total',
  help: 'Provider webhook events, by provider and outcome (recorded, duplicate, ignored, unknown_message, no_message_id)',
  labelNames: ['provider', 'outcome'] as const,
});
