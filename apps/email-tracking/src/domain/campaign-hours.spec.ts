import { CampaignHoursTally, hourOf } from './campaign-hours';

const A = '0a5c1c4e-1111-4111-8111-111111111111';
const B = '7f00aa10-2222-4222-8222-222222222222';
const at = (iso: string) => new Date(iso);

describe('hourOf', () => {
  it.each([
    ['2026-11-30T08:00:00.000Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T08:59:59.999Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T09:00:00.000Z', '2026-11-30T09:00:00.000Z'],
    ['2026-12-31T23:30:00.000Z', '2026-12-31T23:00:00.000Z'],
    ['1969-12-31T23:30:00.000Z', '1969-12-31T23:00:00.000Z'],
  ])('%s is in the hour starting %s', (time, hour) => {
    expect(hourOf(at(time)).toISOString()).toBe(hour);
  });
});

describe('CampaignHoursTally', () => {
  type Step = (tally: CampaignHoursTally) => void;
  it.each<[string, Step[], [string, string, string, number, number][]]>([
    ['nothing recorded', [], []],
    [
      'opens of one hour and class add up; another hour or class is another row',
      [
        (t) => t.addOpen(A, at('2026-11-30T08:10:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T08:50:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T09:05:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T08:20:00Z'), 'machine:apple-mpp'),
      ],
      [
        [A, '2026-11-30T08:00:00.000Z', 'human', 2, 0],
        [A, '2026-11-30T08:00:00.000Z', 'machine:apple-mpp', 1, 0],
        [A, '2026-11-30T09:00:00.000Z', 'human', 1, 0],
      ],
    ],
    [
      'opens and clicks of the same hour and class share a row',
      [
        (t) => t.addClick(A, at('2026-11-30T08:10:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T08:11:00Z'), 'human'),
      ],
      [[A, '2026-11-30T08:00:00.000Z', 'human', 1, 1]],
    ],
    [
      'a re-judged click moves between classes; a removed open subtracts',
      [
        (t) => t.addClick(A, at('2026-11-30T08:10:00Z'), 'human', -1),
        (t) => t.addClick(A, at('2026-11-30T08:10:00Z'), 'machine:scanner'),
        (t) => t.addOpen(A, at('2026-11-30T08:10:00Z'), 'human', -1),
      ],
      [
        [A, '2026-11-30T08:00:00.000Z', 'human', -1, -1],
        [A, '2026-11-30T08:00:00.000Z', 'machine:scanner', 0, 1],
      ],
    ],
    [
      'changes that cancel out write nothing',
      [
        (t) => t.addOpen(A, at('2026-11-30T08:10:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T08:40:00Z'), 'human', -1),
      ],
      [],
    ],
    [
      'rows come in key order (campaign, hour, class), whatever the order they were added in',
      [
        (t) => t.addOpen(B, at('2026-11-30T07:00:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T09:00:00Z'), 'human'),
        (t) => t.addOpen(A, at('2026-11-30T08:00:00Z'), 'machine:proxy'),
        (t) => t.addOpen(A, at('2026-11-30T08:00:00Z'), 'human'),
      ],
      [
        [A, '2026-11-30T08:00:00.000Z', 'human', 1, 0],
        [A, '2026-11-30T08:00:00.000Z', 'machine:proxy', 1, 0],
        [A, '2026-11-30T09:00:00.000Z', 'human', 1, 0],
        [B, '2026-11-30T07:00:00.000Z', 'human', 1, 0],
      ],
    ],
  ])('%s', (_, steps, expected) => {
    const tally = new CampaignHoursTally();
    for (const step of steps) step(tally);
    expect(
      tally
        .rows()
        .map((row) => [
          row.campaignId,
          row.hour.toISOString(),
          row.classification,
          row.opens,
          row.clicks,
        ]),
    ).toEqual(expected);
  });
});
