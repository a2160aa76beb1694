import { scoreAnnouncement, ScoreEventRules } from './score-announcement';

const RULES: ScoreEventRules = { thresholds: [50, 80], minChange: 10 };

describe('scoreAnnouncement: which new totals are published as lead.score_changed', () => {
  const cases: [
    string,
    number | null,
    number,
    ScoreEventRules,
    ReturnType<typeof scoreAnnouncement>,
  ][] = [
    ['a first score far enough from 0', null, 12, RULES, { reason: 'change', crossed: [] }],
    ['a first score too close to 0', null, 9.99, RULES, null],
    ['a small move', 20, 27, RULES, null],
    ['exactly the configured amount', 20, 30, RULES, { reason: 'change', crossed: [] }],
    ['a fall by the configured amount', 30, 20, RULES, { reason: 'change', crossed: [] }],
    ['reaching a threshold exactly', 45, 50, RULES, { reason: 'threshold', crossed: [50] }],
    ['falling just below a threshold', 50, 49.99, RULES, { reason: 'threshold', crossed: [50] }],
    ['crossing two thresholds at once', 40, 85, RULES, { reason: 'threshold', crossed: [50, 80] }],
    ['crossing down through both', 90, 10, RULES, { reason: 'threshold', crossed: [50, 80] }],
    ['staying above a threshold', 55, 60, RULES, null],
    [
      'a threshold listed twice counts once',
      45,
      55,
      { thresholds: [50, 50], minChange: 100 },
      { reason: 'threshold', crossed: [50] },
    ],
    [
      'negative totals cross negative thresholds',
      -5,
      -25,
      { thresholds: [-20], minChange: 100 },
      { reason: 'threshold', crossed: [-20] },
    ],
  ];
  it.each(cases)('%s', (_name, announced, total, rules, expected) => {
    expect(scoreAnnouncement(announced, total, rules)).toEqual(expected);
  });
});
