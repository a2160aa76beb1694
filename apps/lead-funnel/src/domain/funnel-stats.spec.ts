import type { LeadStage } from '@sales-suite/contracts/core';
import { CohortLead, funnelStats } from './funnel-stats';

const H = 3_600_000;

/** Builds a lead from its path: [stage, hours entered], the last stage still current. */
function lead(
  source: CohortLead['source'],
  territoryId: string | null,
  ownerId: string | null,
  path: [LeadStage, number][],
  lostReason: string | null = null,
): CohortLead {
  return {
    source,
    territoryId,
    ownerId,
    stage: path[path.length - 1][0],
    lostReason,
    visits: path.map(([stage, entered], index) => ({
      stage,
      enteredAt: entered * H,
      leftAt: index + 1 < path.length ? path[index + 1][1] * H : null,
    })),
  };
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
const COHORT = [L1, L2, L3, L4, L5];

// Every expectation below was counted by hand from the five paths above.
describe('funnelStats', () => {
  const { overall } = funnelStats(COHORT, null);

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

  it('computes stage-to-stage conversion along the main path', () => {
    expect(overall.conversions).toEqual([
      { from: 'new', to: 'engaged', entered: 5, converted: 3, rate: 0.6 },
      { from: 'engaged', to: 'mql', entered: 3, converted: 3, rate: 1 },
      { from: 'mql', to: 'sql', entered: 3, converted: 2, rate: 0.6667 },
      { from: 'sql', to: 'opportunity', entered: 2, converted: 1, rate: 0.5 },
      { from: 'opportunity', to: 'closed_won', entered: 1, converted: 1, rate: 1 },
    ]);
  });

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
    const bySource = funnelStats(COHORT, 'source').groups;
    expect(bySource.map((g) => [g.key, g.leads, g.won, g.lost, g.winRate])).toEqual([
      ['inbound', 2, 1, 1, 0.5],
      ['outbound', 2, 0, 1, 0],
      ['referral', 1, 0, 0, null],
    ]);
    expect(funnelStats(COHORT, 'territory').groups.map((g) => [g.key, g.leads])).toEqual([
      ['t1', 3],
      ['t2', 1],
      [null, 1],
    ]);
    expect(funnelStats(COHORT, 'owner').groups.map((g) => [g.key, g.leads])).toEqual([
      ['ana', 2],
      ['ben', 2],
      [null, 1],
    ]);
  });

  it('answers nulls, not NaN, for an empty cohort', () => {
    const empty = funnelStats([], 'source');
    expect(empty.groups).toEqual([]);
    expect(empty.overall).toMatchObject({ leads: 0, winRate: null });
    expect(empty.overall.conversions.every((c) => c.rate === null)).toBe(true);
    expect(empty.overall.medianSecondsInStage.new).toBeNull();
  });
});
