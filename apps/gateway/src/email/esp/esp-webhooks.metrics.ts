import { Counter } from 'prom-client';

export const espWebhookRefusalsTotal = new Counter({
  name: 'email_esp_webhook_refusals_total',
  help: 'Provider webhooks refused (401) by provider and reason (missing_signature, bad_signature, untrusted_certificate_url, unknown_topic, bad_credentials, malformed)',
  labelNames: ['provider', 'reason'] as const,
});
