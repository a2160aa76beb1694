import { cohortSpans, FunnelFacts, funnelRollupDeltas } from './funnel-rollup';

const NEW: FunnelFacts = {
  day: '2026-03-01',
  source: 'inbound',
  territoryId: 't1',
  ownerId: 'ana',
  stage: 'new',
  lostReason: null,
  reached: ['new'],
  moves: [],
  path: ['new'],
  seconds: [null],
};
const ENGAGED: FunnelFacts = {
  ...NEW,
  stage: 'engaged',
  reached: ['new', 'engaged'],
  moves: ['new>engaged'],
  path: ['new', 'engaged'],
  seconds: [60, null],
};
const LOST: FunnelFacts = {
  ...ENGAGED,
  stage: 'closed_lost',
  lostReason: 'no_budget',
  reached: ['new', 'engaged', 'closed_lost'],
  moves: ['new>engaged', 'engaged>closed_lost'],
  path: ['new', 'engaged', 'closed_lost'],
  seconds: [60, 30, null],
};

const cohort = (before: FunnelFacts[], after: FunnelFacts[]) =>
  funnelRollupDeltas(before, after).cohort.map((r) => [r.dimension, r.key, r.stage, r.leads]);
const lengths = (before: FunnelFacts[], after: FunnelFacts[]) =>
  funnelRollupDeltas(before, after).lengths.map((r) => [
    r.dimension,
    r.key,
    r.stage,
    r.seconds,
    r.visits,
  ]);

describe('funnelRollupDeltas', () => {
  it.each<[string, FunnelFacts[], FunnelFacts[], unknown[][], unknown[][]]>([
    [
      'a new lead: one count per grouping, no completed visit yet',
      [],
      [NEW],
      [
        ['owner', 'ana', 'new', 1],
        ['source', 'inbound', 'new', 1],
        ['territory', 't1', 'new', 1],
      ],
      [],
    ],
    [
      'a stage move: the count moves, the left visit is counted by its length',
      [NEW],
      [ENGAGED],
      [
        ['owner', 'ana', 'engaged', 1],
        ['owner', 'ana', 'new', -1],
        ['source', 'inbound', 'engaged', 1],
        ['source', 'inbound', 'new', -1],
        ['territory', 't1', 'engaged', 1],
        ['territory', 't1', 'new', -1],
      ],
      [
        ['owner', 'ana', 'new', 60, 1],
        ['source', 'inbound', 'new', 60, 1],
        ['territory', 't1', 'new', 60, 1],
      ],
    ],
    [
      'a loss: only the new visit length is added (the earlier ones cancel)',
      [ENGAGED],
      [LOST],
      [
        ['owner', 'ana', 'closed_lost', 1],
        ['owner', 'ana', 'engaged', -1],
        ['source', 'inbound', 'closed_lost', 1],
        ['source', 'inbound', 'engaged', -1],
        ['territory', 't1', 'closed_lost', 1],
        ['territory', 't1', 'engaged', -1],
      ],
      [
        ['owner', 'ana', 'engaged', 30, 1],
        ['source', 'inbound', 'engaged', 30, 1],
        ['territory', 't1', 'engaged', 30, 1],
      ],
    ],
    [
      'a reassignment: territory and owner rows move, source rows are untouched',
      [ENGAGED],
      [{ ...ENGAGED, territoryId: null, ownerId: 'bo' }],
      [
        ['owner', 'ana', 'engaged', -1],
        ['owner', 'bo', 'engaged', 1],
        ['territory', 't1', 'engaged', -1],
        ['territory', null, 'engaged', 1],
      ],
      [
        ['owner', 'ana', 'new', 60, -1],
        ['owner', 'bo', 'new', 60, 1],
        ['territory', 't1', 'new', 60, -1],
        ['territory', null, 'new', 60, 1],
      ],
    ],
    ['a row written again unchanged: nothing', [LOST], [LOST], [], []],
    [
      'two leads alike count twice on the same rows',
      [],
      [ENGAGED, ENGAGED],
      [
        ['owner', 'ana', 'engaged', 2],
        ['source', 'inbound', 'engaged', 2],
        ['territory', 't1', 'engaged', 2],
      ],
      [
        ['owner', 'ana', 'new', 60, 2],
        ['source', 'inbound', 'new', 60, 2],
        ['territory', 't1', 'new', 60, 2],
      ],
    ],
  ])('%s', (_, before, after, counts, visits) => {
    expect(cohort(before, after)).toEqual(counts);
    expect(lengths(before, after)).toEqual(visits);
  });

  it('counts a looping lead once per row and each completed visit by its own length', () => {
    const looped: FunnelFacts = {
      ...NEW,
      stage: 'engaged',
      reached: ['new', 'engaged', 'mql'],
      moves: ['new>engaged', 'engaged>mql', 'mql>engaged'],
      path: ['new', 'engaged', 'mql', 'engaged'],
      seconds: [5, 7, 9, null],
    };
    const { cohort: rows, lengths: visits } = funnelRollupDeltas([], [looped]);
    expect(rows.filter((r) => r.dimension === 'source')).toEqual([
      { ...rows[0], dimension: 'source', key: 'inbound', leads: 1 },
    ]);
    expect(
      visits.filter((r) => r.dimension === 'source').map((r) => [r.stage, r.seconds, r.visits]),
    ).toEqual([
      ['engaged', 7, 1],
      ['mql', 9, 1],
      ['new', 5, 1],
    ]);
  });
});

describe('cohortSpans', () => {
  const d = (iso: string) => new Date(iso);
  it.each<[string, string, string, [string, string] | null, [string, string][]]>([
    [
      'whole days only',
      '2026-03-01T00:00:00.000Z',
      '2026-03-04T00:00:00.000Z',
      ['2026-03-01', '2026-03-04'],
      [],
    ],
    [
      'parts of days at both ends',
      '2026-03-01T10:00:00.000Z',
      '2026-03-04T06:30:00.000Z',
      ['2026-03-02', '2026-03-04'],
      [
        ['2026-03-01T10:00:00.000Z', '2026-03-02T00:00:00.000Z'],
        ['2026-03-04T00:00:00.000Z', '2026-03-04T06:30:00.000Z'],
      ],
    ],
    [
      'inside one day: the lead rows only',
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T11:00:00.000Z',
      null,
      [['2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z']],
    ],
    [
      'across one midnight without a whole day',
      '2026-03-01T22:00:00.000Z',
      '2026-03-02T01:00:00.000Z',
      null,
      [['2026-03-01T22:00:00.000Z', '2026-03-02T01:00:00.000Z']],
    ],
    [
      'one millisecond short of a whole day at the start',
      '2026-03-01T00:00:00.001Z',
      '2026-03-03T00:00:00.000Z',
      ['2026-03-02', '2026-03-03'],
      [['2026-03-01T00:00:00.001Z', '2026-03-02T00:00:00.000Z']],
    ],
  ])('%s', (_, from, to, days, edges) => {
    const spans = cohortSpans(d(from), d(to));
    expect(spans.days).toEqual(days);
    expect(spans.edges.map(([a, b]) => [a.toISOString(), b.toISOString()])).toEqual(edges);
  });
});
