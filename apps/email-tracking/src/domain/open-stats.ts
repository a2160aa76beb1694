import {
  CLICK_CLASSIFICATIONS,
  ClickClassification,
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
  totalOpens:
    'every valid pixel fetch recorded, of any classification, plus the implied opens (opensByClassification splits it)',
  uniqueOpens: 'messages opened at least once, of any classification',
  uniqueHumanOpens: 'messages opened at least once by a human',
  openRate: 'unique opens ÷ delivered',
  humanOpenRate: 'unique human opens ÷ delivered',
  unsubscribes:
    'messages whose recipient unsubscribed through their one-click link (POST to /t/u/<token>; a repeat counts once)',
  unsubscribeRate: 'unsubscribes ÷ delivered',
  timeToFirstOpen:
    'whole seconds (rounded down) from delivery (from sending when no delivery event came) to the first human open, over messages with a human open; nearest-rank median and 90th percentile of those, i.e. the exact nearest-rank percentiles rounded down to the second',
  impliedOpens:
    'human opens recorded because a human clicked a link of a message with no human open before it; counted as human opens in totalOpens, uniqueOpens, uniqueHumanOpens and the open rates',
  totalClicks:
    'every request of a tracked link recorded, of any classification (clicksByClassification splits it)',
  uniqueClicks: 'messages with at least one click, of any classification',
  uniqueHumanClicks: 'messages with at least one human click',
  clickThroughRate: 'unique human clicks ÷ delivered',
  clickToOpenRate:
    'unique human clicks ÷ unique human opens (implied opens included, so a click always has an open and the rate is at most 1)',
  links:
    'per tracked link: every click, messages with a click, messages with a human click; most human clicks first',
  series:
    'opens, human opens, clicks and human clicks per UTC hour over the last 7 days, per UTC day before that',
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

/**
 * The delays to the first human open, summarised where they are counted (nearest rank: the
 * smallest delay second with at least p of the messages at or below it).
 */
export interface DelaySummary {
  samples: number;
  median: number | null;
  p90: number | null;
}

export function timeToFirstOpen({ samples, median, p90 }: DelaySummary): TimeToFirstOpenView {
  return {
    medianSeconds: median,
    p90Seconds: p90,
    samples,
    definition: STATS_DEFINITIONS.timeToFirstOpen,
  };
}

export interface HourlyOpens {
  /** Start of the UTC hour. */
  hour: Date;
  opens: number;
  humanOpens: number;
  clicks: number;
  humanClicks: number;
}

const HOURLY_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** Hourly buckets for the last 7 days; older hours are summed into UTC days. Sorted by time. */
export function openSeries(hours: readonly HourlyOpens[], now: Date): OpenSeriesView {
  const hourlySince = now.getTime() - HOURLY_DAYS * DAY_MS;
  const buckets = new Map<string, SeriesBucketView>();
  for (const { hour, opens, humanOpens, clicks, humanClicks } of hours) {
    const hourly = hour.getTime() >= hourlySince;
    const start = hourly ? hour : new Date(Math.floor(hour.getTime() / DAY_MS) * DAY_MS);
    const key = `${hourly ? 'h' : 'd'}${start.toISOString()}`;
    const bucket = buckets.get(key) ?? {
      start: start.toISOString(),
      granularity: hourly ? ('hour' as const) : ('day' as const),
      opens: 0,
      humanOpens: 0,
      clicks: 0,
      humanClicks: 0,
    };
    bucket.opens += opens;
    bucket.humanOpens += humanOpens;
    bucket.clicks += clicks;
    bucket.humanClicks += humanClicks;
    buckets.set(key, bucket);
  }
  return {
    definition: STATS_DEFINITIONS.series,
    buckets: [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start)),
  };
}

/** Total opens per classification (rows of one class are added), zeroes for classes never seen. */
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

/** Total clicks per classification, with zeroes for classes never seen. */
export function clicksByClassification(
  counts: readonly { classification: ClickClassification; clicks: number }[],
): Record<ClickClassification, number> {
  const result = Object.fromEntries(CLICK_CLASSIFICATIONS.map((c) => [c, 0])) as Record<
    ClickClassification,
    number
  >;
  for (const { classification, clicks } of counts) result[classification] += clicks;
  return result;
}
