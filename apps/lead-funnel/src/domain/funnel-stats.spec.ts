import type { LeadSource, LeadStage } from '@sales-suite/contracts/core';
import { DEFAULT_FUNNEL_DEFINITION, FunnelDefinition } from './funnel-definition';
import type { FunnelGroupBy } from '@sales-suite/contracts';
import { CohortLead, funnelStats, funnelSummary, StageMiddle, moveKey } from './funnel-stats';
import type { StageVisit } from './lead-state';

const H = 3_600_000;

type TestLead = Omit<CohortLead, 'key'> & {
  source: LeadSource;
  territoryId: string | null;
  ownerId: string | null;
  visits: StageVisit[];
};

/** Builds a lead from its path: [stage, hours entered], the last stage still current. */
function lead(
  source: LeadSource,
  territoryId: string | null,
  ownerId: string | null,
  path: [LeadStage, number][],
  lostReason: string | null = null,
): TestLead {
  const visits = path.map(([stage, entered], index) => ({
    stage,
    enteredAt: entered * H,
    leftAt: index + 1 < path.length ? path[index + 1][1] * H : null,
  }));
  const { reached, moves } = funnelSummary(visits);
  return {
    source,
    territoryId,
    ownerId,
    stage: path[path.length - 1][0],
    lostReason,
    reached,
    moves,
    count: 1,
    visits,
  };
}

/** What the medians statement answers: per stage, the two middle completed lengths. */
function middlesOf(leads: readonly TestLead[]): StageMiddle[] {
  const lengths = new Map<LeadStage, number[]>();
  for (const { visits } of leads) {
    const { path, seconds } = funnelSummary(visits);
    path.forEach((stage, i) => {
      if (seconds[i] !== null) lengths.set(stage, [...(lengths.get(stage) ?? []), seconds[i]]);
    });
  }
  return [...lengths].map(([stage, values]) => {
    const sorted = values.sort((a, b) => a - b);
    const n = sorted.length;
    return { stage, lower: sorted[Math.ceil(n / 2) - 1], upper: sorted[n - Math.ceil(n / 2)] };
  });
}

const KEY = {
  source: (l: TestLead) => l.source,
  territory: (l: TestLead) => l.territoryId,
  owner: (l: TestLead) => l.ownerId,
};

/** funnelStats with the middles the service's SQL would give for these leads. */
function statsOf(
  leads: readonly TestLead[],
  groupBy: FunnelGroupBy | null,
  transitions: FunnelDefinition['transitions'],
) {
  const keys = groupBy ? new Set(leads.map(KEY[groupBy])) : new Set<string | null>();
  const byGroup = new Map(
    [...keys].map((key) => [key, middlesOf(leads.filter((l) => KEY[groupBy!](l) === key))]),
  );
  const keyed = leads.map((l) => ({ ...l, key: groupBy ? KEY[groupBy](l) : null }));
  return funnelStats(keyed, groupBy, transitions, { overall: middlesOf(leads), byGroup });
}

const L1 = lead('inbound', 't1', 'ana', [
  ['new', 0],
  ['engaged', 1],
  ['mql', 3],
  ['sql', 6],
  ['opportunity', 10],
  ['closed_won', 20],
]);
const L2 = lead(
  'inbound',
  't1',
  'ana',
  [
    ['new', 0],
    ['engaged', 2],
    ['mql', 4],
    ['closed_lost', 9],
  ],
  'no_budget',
);
const L3 = lead(
  'outbound',
  't2',
  'ben',
  [
    ['new', 0],
    ['closed_lost', 3],
  ],
  'no_need',
);
const L4 = lead('outbound', null, null, [['new', 0]]);
const L5 = lead('referral', 't1', 'ben', [
  ['new', 0],
  ['engaged', 1],
  ['mql', 2],
  ['sql', 4],
  ['closed_lost', 5],
  ['recycled', 8],
  ['engaged', 9],
]);
const L6 = lead('partner', null, null, [
  ['new', 0],
  ['mql', 1],
  ['closed_won', 2],
]);
const COHORT = [L1, L2, L3, L4, L5];
const DEFAULT = DEFAULT_FUNNEL_DEFINITION.transitions;
/** A shorter funnel whose path (new → mql → closed_won) is not the default one. */
const SHORT: FunnelDefinition['transitions'] = [
  { from: 'new', to: ['mql', 'closed_lost'] },
  { from: 'mql', to: ['closed_won'] },
];

// Every expectation below was counted by hand from the paths above.
describe('funnelStats', () => {
  const { overall } = statsOf(COHORT, null, DEFAULT);

  it('counts leads by current stage and by stages ever reached', () => {
    expect(overall.leads).toBe(5);
    expect(overall.byStage).toEqual({
      new: 1,
      engaged: 1,
      mql: 0,
      sql: 0,
      opportunity: 0,
      closed_won: 1,
      closed_lost: 2,
      recycled: 0,
    });
    expect(overall.reached).toEqual({
      new: 5,
      engaged: 3,
      mql: 3,
      sql: 2,
      opportunity: 1,
      closed_won: 1,
      closed_lost: 3,
      recycled: 1,
    });
  });

  it.each<
    [
      string,
      readonly TestLead[],
      FunnelDefinition['transitions'],
      [string, number, number, number | null][],
    ]
  >([
    [
      'the default definition',
      COHORT,
      DEFAULT,
      [
        ['new>engaged', 5, 3, 0.6],
        ['new>closed_lost', 5, 1, 0.2], // L3
        ['engaged>mql', 3, 3, 1],
        ['engaged>closed_lost', 3, 0, 0],
        ['mql>sql', 3, 2, 0.6667],
        ['mql>engaged', 3, 0, 0],
        ['mql>closed_lost', 3, 1, 0.3333], // L2
        ['sql>opportunity', 2, 1, 0.5],
        ['sql>closed_lost', 2, 1, 0.5], // L5
        ['opportunity>closed_won', 1, 1, 1],
        ['opportunity>closed_lost', 1, 0, 0],
        ['closed_lost>recycled', 3, 1, 0.3333], // L5
        ['recycled>engaged', 1, 1, 1],
        ['recycled>closed_lost', 1, 0, 0],
      ],
    ],
    [
      // L1 reached mql and closed_won by other moves: only direct moves convert.
      'a custom definition whose path differs',
      [L1, L3, L6],
      SHORT,
      [
        ['new>mql', 3, 1, 0.3333], // L6
        ['new>closed_lost', 3, 1, 0.3333], // L3
        ['mql>closed_won', 2, 1, 0.5], // L6; L1 went mql → sql
      ],
    ],
    ['a definition without moves', COHORT, [], []],
  ])(
    'computes conversion along the allowed transitions of %s',
    (_, leads, transitions, expected) => {
      const { conversions } = statsOf(leads, null, transitions).overall;
      expect(conversions.map((c) => [`${c.from}>${c.to}`, c.entered, c.converted, c.rate])).toEqual(
        expected,
      );
    },
  );

  it('computes win rate over closed leads and current lost reasons (a recycled lead is no longer lost)', () => {
    expect(overall).toMatchObject({ won: 1, lost: 2, winRate: 0.3333 });
    expect(overall.lostReasons).toEqual({ no_budget: 1, no_need: 1 });
  });

  it('takes the median over completed visits only', () => {
    expect(overall.medianSecondsInStage).toEqual({
      new: 1.5 * 3600, // 1h, 1h, 2h, 3h (L4 still new)
      engaged: 2 * 3600, // 1h, 2h, 2h (L5's second visit is open)
      mql: 3 * 3600, // 2h, 3h, 5h
      sql: 2.5 * 3600, // 1h, 4h
      opportunity: 10 * 3600,
      closed_won: null,
      closed_lost: 3 * 3600, // only L5 left closed_lost
      recycled: 3600,
    });
  });

  it('groups by source, territory and owner, unassigned last', () => {
    const bySource = statsOf(COHORT, 'source', DEFAULT).groups;
    expect(bySource.map((g) => [g.key, g.leads, g.won, g.lost, g.winRate])).toEqual([
      ['inbound', 2, 1, 1, 0.5],
      ['outbound', 2, 0, 1, 0],
      ['referral', 1, 0, 0, null],
    ]);
    expect(statsOf(COHORT, 'territory', DEFAULT).groups.map((g) => [g.key, g.leads])).toEqual([
      ['t1', 3],
      ['t2', 1],
      [null, 1],
    ]);
    expect(statsOf(COHORT, 'owner', DEFAULT).groups.map((g) => [g.key, g.leads])).toEqual([
      ['ana', 2],
      ['ben', 2],
      [null, 1],
    ]);
  });

  it('answers nulls, not NaN, for an empty cohort', () => {
    const empty = statsOf([], 'source', DEFAULT);
    expect(empty.groups).toEqual([]);
    expect(empty.overall).toMatchObject({ leads: 0, winRate: null });
    expect(empty.overall.conversions.every((c) => c.rate === null)).toBe(true);
    expect(empty.overall.medianSecondsInStage.new).toBeNull();
  });

  it('counts a row of the cohort query as its number of leads', () => {
    const twice = statsOf([{ ...L2, count: 2 }, L3], 'territory', DEFAULT);
    expect(twice.overall).toMatchObject({
      leads: 3,
      lost: 3,
      lostReasons: { no_budget: 2, no_need: 1 },
    });
    expect(twice.overall.reached.mql).toBe(2);
    expect(twice.groups.map((g) => [g.key, g.leads])).toEqual([
      ['t1', 2],
      ['t2', 1],
    ]);
  });
});

describe('funnelSummary', () => {
  it('keeps each stage and move once however often a lead loops, and every visit length', () => {
    const loop: [LeadStage, number][] = [
      ['new', 0],
      ['engaged', 1],
      ['recycled', 2],
      ['new', 4],
      ['engaged', 5],
    ];
    const visits = lead('inbound', null, null, loop).visits;
    expect(funnelSummary(visits)).toEqual({
      reached: ['new', 'engaged', 'recycled'],
      moves: [
        moveKey('new', 'engaged'),
        moveKey('engaged', 'recycled'),
        moveKey('recycled', 'new'),
      ],
      path: ['new', 'engaged', 'recycled', 'new', 'engaged'],
      seconds: [3600, 3600, 7200, 3600, null],
    });
  });
});
