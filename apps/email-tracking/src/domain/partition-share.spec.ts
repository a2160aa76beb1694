import { planPartitions, PartitionView } from './partition-share';

const owners = (entries: [number, string][]) => new Map(entries);
const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => from + index);

describe('planPartitions', () => {
  it.each<[string, PartitionView, { share: number; give: number[]; free: number[] }]>([
    [
      'alone: takes every free partition',
      { partitions: 4, replicas: 1, mine: [], owners: owners([]), me: 'a' },
      { share: 4, give: [], free: [0, 1, 2, 3] },
    ],
    [
      'a second replica joined: gives up the highest half',
      {
        partitions: 16,
        replicas: 2,
        mine: range(0, 16),
        owners: owners(range(0, 16).map((p) => [p, 'a'])),
        me: 'a',
      },
      { share: 8, give: range(8, 16), free: [] },
    ],
    [
      'the newcomer: tries the partitions nobody holds',
      {
        partitions: 16,
        replicas: 2,
        mine: [],
        owners: owners(range(0, 8).map((p) => [p, 'a'])),
        me: 'b',
      },
      { share: 8, give: [], free: range(8, 16) },
    ],
    [
      'three replicas, 16 partitions: a share of 6 (6 + 6 + 4)',
      {
        partitions: 16,
        replicas: 3,
        mine: range(0, 4),
        owners: owners([
          ...range(0, 4).map((p): [number, string] => [p, 'c']),
          ...range(4, 16).map((p): [number, string] => [p, p < 10 ? 'a' : 'b']),
        ]),
        me: 'c',
      },
      { share: 6, give: [], free: [] },
    ],
    [
      'at its share: changes nothing even with free partitions',
      {
        partitions: 4,
        replicas: 2,
        mine: [0, 1],
        owners: owners([
          [0, 'a'],
          [1, 'a'],
        ]),
        me: 'a',
      },
      { share: 2, give: [], free: [] },
    ],
    [
      'an owner died (its leases expired): the survivors share its partitions',
      {
        partitions: 16,
        replicas: 2,
        mine: range(0, 6),
        owners: owners([
          ...range(0, 6).map((p): [number, string] => [p, 'a']),
          ...range(6, 12).map((p): [number, string] => [p, 'b']),
        ]),
        me: 'a',
      },
      { share: 8, give: [], free: range(12, 16) },
    ],
    [
      'restarted with the same name: its own leases count as free for it',
      {
        partitions: 4,
        replicas: 2,
        mine: [],
        owners: owners([
          [0, 'a'],
          [1, 'a'],
          [2, 'b'],
          [3, 'b'],
        ]),
        me: 'a',
      },
      { share: 2, give: [], free: [0, 1] },
    ],
    [
      'no membership seen yet: counts itself',
      { partitions: 4, replicas: 0, mine: [], owners: owners([]), me: 'a' },
      { share: 4, give: [], free: [0, 1, 2, 3] },
    ],
    [
      'more replicas than partitions: one each at most',
      {
        partitions: 2,
        replicas: 3,
        mine: [0, 1],
        owners: owners([
          [0, 'a'],
          [1, 'a'],
        ]),
        me: 'a',
      },
      { share: 1, give: [1], free: [] },
    ],
  ])('%s', (_case, view, expected) => {
    expect(planPartitions(view)).toEqual(expected);
  });

  it('settles with every partition owned and nobody above its share, whatever the order', () => {
    const replicas = ['a', 'b', 'c'];
    const holder = new Map<number, string>();
    // a started alone and took everything; b and c join; each round they act in turn.
    for (let p = 0; p < 16; p++) holder.set(p, 'a');
    for (let round = 0; round < 4; round++)
      for (const me of [...replicas].reverse()) {
        const mine = [...holder].filter(([, owner]) => owner === me).map(([p]) => p);
        const plan = planPartitions({ partitions: 16, replicas: 3, mine, owners: holder, me });
        for (const p of plan.give) holder.delete(p);
        for (const p of plan.free.slice(0, plan.share - mine.length)) holder.set(p, me);
      }
    const counts = replicas.map((me) => [...holder.values()].filter((o) => o === me).length);
    expect(holder.size).toBe(16);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
    expect(counts.reduce((a, b) => a + b)).toBe(16);
  });
});
