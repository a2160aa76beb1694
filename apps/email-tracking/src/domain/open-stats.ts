import {
  DeliveryEventType,
  DeliveryStatus,
  OPEN_CLASSIFICATIONS,
  OpenClassification,
} from '@sales-suite/contracts/core';
import type {
  OpenSeriesView,
  RateView,
  SeriesBucketView,
  TimeToFirstOpenView,
} from '@sales-suite/contracts';

/** Every figure of the stats, in words: returned with the figures. */
export const STATS_DEFINITIONS = {
  sent: 'messages registered for the campaign',
  delivered: 'sent − bounced (a complaint counts as delivered)',
  bounced: 'messages whose latest status is soft_bounce or hard_bounce',
  complaints: 'messages marked as spam by the recipient',
  totalOpens: 'every valid pixel fetch recorded, of any classification',
  uniqueOpens: 'messages opened at least once, of any classification',
  uniqueHumanOpens: 'messages opened at least once by a human',
  openRate: 'unique opens ÷ delivered',
  humanOpenRate: 'unique human opens ÷ delivered',
  unsubscribes:
    'messages whose recipient unsubscribed through their one-click link (POST to /t/u/<token>; a repeat counts once)',
  unsubscribeRate: 'unsubscribes ÷ delivered',
  timeToFirstOpen:
    'seconds from delivery (from sending when no delivery event came) to the first human open, over messages with a human open; nearest-rank median and 90th percentile',
  series: 'opens per UTC hour over the last 7 days, per UTC day before that',
} as const;

/** A status only moves forward: a late soft bounce cannot undo a delivery, nothing undoes a hard bounce. */
const STATUS_RANK: Record<DeliveryStatus, number> = {
  sent: 0,
  soft_bounce: 1,
  delivered: 2,
  complaint: 3,
  hard_bounce: 4,
};

export function deliveryStatusAfter(
  current: DeliveryStatus,
  event: DeliveryEventType,
): DeliveryStatus {
  return STATUS_RANK[event] > STATUS_RANK[current] ? event : current;
}

/** A campaign's message counters, kept beside it as its messages change. */
export interface CampaignCounters {
  sent: number;
  bounced: number;
  complaints: number;
  uniqueOpens: number;
  uniqueHumanOpens: number;
}

export interface HeadlineFigures extends CampaignCounters {
  delivered: number;
  openRate: RateView;
  humanOpenRate: RateView;
}

/** The figures the campaign list and the stats share, derived from the counters in one place. */
export function headlineFigures(counters: CampaignCounters): HeadlineFigures {
  const delivered = counters.sent - counters.bounced;
  return {
    ...counters,
    delivered,
    openRate: rate(counters.uniqueOpens, delivered, STATS_DEFINITIONS.openRate),
    humanOpenRate: rate(counters.uniqueHumanOpens, delivered, STATS_DEFINITIONS.humanOpenRate),
  };
}

export function rate(numerator: number, denominator: number, definition: string): RateView {
  return {
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    definition,
  };
}

/** Nearest-rank percentile (the smallest value with at least p % of values at or below it). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function timeToFirstOpen(delaysSeconds: readonly number[]): TimeToFirstOpenView {
  return {
    medianSeconds: percentile(delaysSeconds, 50),
    p90Seconds: percentile(delaysSeconds, 90),
    samples: delaysSeconds.length,
    definition: STATS_DEFINITIONS.timeToFirstOpen,
  };
}

export interface HourlyOpens {
  /** Start of the UTC hour. */
  hour: Date;
  opens: number;
  humanOpens: number;
}

const HOURLY_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** Hourly buckets for the last 7 days; older hours are summed into UTC days. Sorted by time. */
export function openSeries(hours: readonly HourlyOpens[], now: Date): OpenSeriesView {
  const hourlySince = now.getTime() - HOURLY_DAYS * DAY_MS;
  const buckets = new Map<string, SeriesBucketView>();
  for (const { hour, opens, humanOpens } of hours) {
    const hourly = hour.getTime() >= hourlySince;
    const start = hourly ? hour : new Date(Math.floor(hour.getTime() / DAY_MS) * DAY_MS);
    const key = `${hourly ? 'h' : 'd'}${start.toISOString()}`;
    const bucket = buckets.get(key) ?? {
      start: start.toISOString(),
      granularity: hourly ? ('hour' as const) : ('day' as const),
      opens: 0,
      humanOpens: 0,
    };
    bucket.opens += opens;
    bucket.humanOpens += humanOpens;
    buckets.set(key, bucket);
  }
  return {
    definition: STATS_DEFINITIONS.series,
    buckets: [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start)),
  };
}

/** Total opens per classification, with zeroes for classes never seen. */
export function opensByClassification(
  counts: readonly { classification: OpenClassification; opens: number }[],
): Record<OpenClassification, number> {
  const result = Object.fromEntries(OPEN_CLASSIFICATIONS.map((c) => [c, 0])) as Record<
    OpenClassification,
    number
  >;
  for (const { classification, opens } of counts) result[classification] += opens;
  return result;
}
