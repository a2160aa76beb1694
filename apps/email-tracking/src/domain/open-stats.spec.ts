import {
  deliveryStatusAfter,
  clicksByClassification,
  headlineFigures,
  openSeries,
  opensByClassification,
  rate,
  timeToFirstOpen,
} from './open-stats';

describe('deliveryStatusAfter', () => {
  it.each([
    ['sent', 'delivered', 'delivered'],
    ['sent', 'soft_bounce', 'soft_bounce'],
    ['soft_bounce', 'delivered', 'delivered'],
    ['delivered', 'soft_bounce', 'delivered'],
    ['delivered', 'complaint', 'complaint'],
    ['complaint', 'delivered', 'complaint'],
    ['delivered', 'hard_bounce', 'hard_bounce'],
    ['hard_bounce', 'delivered', 'hard_bounce'],
    ['hard_bounce', 'soft_bounce', 'hard_bounce'],
    ['sent', 'hard_bounce', 'hard_bounce'],
  ] as const)('%s + %s → %s', (current, event, expected) => {
    expect(deliveryStatusAfter(current, event)).toBe(expected);
  });
});

describe('rate', () => {
  it.each([
    [3, 4, 0.75],
    [1, 3, 1 / 3],
    [0, 5, 0],
    [0, 0, null],
    [2, 0, null],
  ])('%i ÷ %i = %p', (numerator, denominator, value) => {
    expect(rate(numerator, denominator, 'x')).toEqual({
      value,
      numerator,
      denominator,
      definition: 'x',
    });
  });
});

describe('headlineFigures', () => {
  it.each([
    // sent, bounced, unique opens, unique human opens → delivered, open rate, human open rate
    [10, 2, 4, 2, 8, 0.5, 0.25],
    [3, 0, 3, 3, 3, 1, 1],
    [5, 5, 0, 0, 0, null, null],
    [0, 0, 0, 0, 0, null, null],
    [6, 3, 1, 0, 3, 1 / 3, 0],
  ])(
    'sent %i, bounced %i, opens %i, human %i → delivered %i, rates %p and %p',
    (sent, bounced, uniqueOpens, uniqueHumanOpens, delivered, openRate, humanOpenRate) => {
      const figures = headlineFigures({
        sent,
        bounced,
        complaints: 1,
        uniqueOpens,
        uniqueHumanOpens,
      });
      expect(figures).toMatchObject({ sent, bounced, complaints: 1, delivered });
      expect(figures.openRate).toMatchObject({
        value: openRate,
        numerator: uniqueOpens,
        denominator: delivered,
      });
      expect(figures.humanOpenRate).toMatchObject({
        value: humanOpenRate,
        numerator: uniqueHumanOpens,
        denominator: delivered,
      });
    },
  );
});

describe('timeToFirstOpen', () => {
  it('carries the summary SQL computed, null percentiles without samples', () => {
    expect(timeToFirstOpen({ samples: 5, median: 300, p90: 7200 })).toMatchObject({
      medianSeconds: 300,
      p90Seconds: 7200,
      samples: 5,
    });
    expect(timeToFirstOpen({ samples: 0, median: null, p90: null })).toMatchObject({
      medianSeconds: null,
      p90Seconds: null,
      samples: 0,
    });
  });
});

describe('openSeries', () => {
  const now = new Date('2026-11-26T12:30:00Z');
  const hour = (iso: string, opens: number, humanOpens: number, clicks = 0, humanClicks = 0) => ({
    hour: new Date(iso),
    opens,
    humanOpens,
    clicks,
    humanClicks,
  });

  it('keeps hours of the last 7 days and sums older hours into UTC days, in time order', () => {
    const series = openSeries(
      [
        hour('2026-11-26T11:00:00Z', 4, 1, 3, 1),
        hour('2026-11-19T13:00:00Z', 2, 2), // 6 d 23.5 h ago: still hourly
        hour('2026-11-19T12:00:00Z', 1, 0, 2, 0), // 7 d 0.5 h ago: daily
        hour('2026-11-19T03:00:00Z', 5, 1, 1, 1),
        hour('2026-11-10T23:00:00Z', 3, 3),
      ],
      now,
    );
    expect(series.buckets).toEqual([
      {
        start: '2026-11-10T00:00:00.000Z',
        granularity: 'day',
        opens: 3,
        humanOpens: 3,
        clicks: 0,
        humanClicks: 0,
      },
      {
        start: '2026-11-19T00:00:00.000Z',
        granularity: 'day',
        opens: 6,
        humanOpens: 1,
        clicks: 3,
        humanClicks: 1,
      },
      {
        start: '2026-11-19T13:00:00.000Z',
        granularity: 'hour',
        opens: 2,
        humanOpens: 2,
        clicks: 0,
        humanClicks: 0,
      },
      {
        start: '2026-11-26T11:00:00.000Z',
        granularity: 'hour',
        opens: 4,
        humanOpens: 1,
        clicks: 3,
        humanClicks: 1,
      },
    ]);
    expect(series.definition).toContain('per UTC hour');
  });

  it('is empty without opens', () => {
    expect(openSeries([], now).buckets).toEqual([]);
  });
});

describe('clicksByClassification', () => {
  it('fills every class and adds repeated rows', () => {
    expect(
      clicksByClassification([
        { classification: 'machine:scanner', clicks: 5 },
        { classification: 'human', clicks: 1 },
        { classification: 'machine:scanner', clicks: 2 },
      ]),
    ).toEqual({ human: 1, 'machine:scanner': 7, 'machine:bot': 0 });
  });
});

describe('opensByClassification', () => {
  it('fills every class and adds repeated rows', () => {
    expect(
      opensByClassification([
        { classification: 'human', opens: 3 },
        { classification: 'machine:bot', opens: 2 },
        { classification: 'human', opens: 1 },
      ]),
    ).toEqual({
      human: 4,
      'machine:apple_mpp': 0,
      'machine:proxy_prefetch': 0,
      'machine:scanner': 0,
      'machine:bot': 2,
    });
  });
});
