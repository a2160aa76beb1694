import { LiveReplicas } from './live-replicas';

describe('LiveReplicas', () => {
  it.each([
    // [peers heard at (ms), asked at, replicas]
    [[], 0, 1],
    [[['a', 0]], 0, 2],
    [
      [
        ['a', 0],
        ['b', 500],
        ['a', 900],
      ],
      1000,
      3,
    ],
    [
      [
        ['a', 0],
        ['b', 500],
      ],
      3200,
      2,
    ],
    [
      [
        ['a', 0],
        ['b', 500],
      ],
      3600,
      1,
    ],
  ] as [[string, number][], number, number][])(
    'heard %j, counted at %i ms: %i replica(s)',
    (heard, at, expected) => {
      const replicas = new LiveReplicas(3000);
      for (const [peer, when] of heard) replicas.heard(peer, when);
      expect(replicas.count(at)).toBe(expected);
    },
  );
});
