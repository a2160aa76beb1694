import { Counter, Gauge } from 'prom-client';

export const pixelRequestsTotal = new Counter({
  name: 'email_pixel_requests_total',
  help: 'Pixel requests by outcome: open (published), head, prefetch, invalid_token (by reason), not_gif, dropped (buffer full)',
  labelNames: ['outcome'] as const,
});

export const pixelHitsBuffered = new Gauge({
  name: 'email_pixel_hits_buffered',
  help: 'Valid pixel hits waiting in the gateway for JetStream to acknowledge them',
});

export const pixelHitsPublishedTotal = new Counter({
  name: 'email_pixel_hits_published_total',
  help: 'Pixel hits acknowledged by JetStream',
});

export const pixelPublishRetriesTotal = new Counter({
  name: 'email_pixel_publish_retries_total',
  help: 'Pixel hit publishes that failed and were put back in the buffer',
});

export const clickRequestsTotal = new Counter({
  name: 'email_click_requests_total',
  help: 'Tracked-link requests by outcome: click (published), head (published as a checked link), prefetch (redirected, not recorded), invalid_token (by reason: 404), dropped (buffer full; still redirected)',
  labelNames: ['outcome'] as const,
});
