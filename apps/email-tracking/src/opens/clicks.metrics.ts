import { Counter } from 'prom-client';

export const emailClicksRecordedTotal = new Counter({
  name: 'email_clicks_recorded_total',
  help: 'Clicks on tracked links recorded, by classification',
  labelNames: ['classification'] as const,
});
