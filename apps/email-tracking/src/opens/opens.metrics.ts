import { Counter, Gauge } from 'prom-client';

export const emailOpensRecordedTotal = new Counter({
  name: 'email_opens_recorded_total',
  help: 'Pixel hits recorded as opens, by classification',
  labelNames: ['classification'] as const,
});

export const emailHitsNotRecordedTotal = new Counter({
  name: 'email_hits_not_recorded_total',
  help: 'Valid pixel hits deliberately not recorded, by reason (tracking_off, do_not_track, unknown_message, malformed_hit)',
  labelNames: ['reason'] as const,
});

export const emailPixelPartitionsOwned = new Gauge({
  name: 'email_pixel_partitions_owned',
  help: 'Pixel hit partitions this replica owns (consumes and classifies) now',
});
