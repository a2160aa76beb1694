import { SourceBurstWindow } from './source-burst-window';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

describe('SourceBurstWindow', () => {
  it.each<[string, [string, string, number][], number]>([
    ['one fetch', [['a', 'm1', 0]], 1],
    [
      'the same message again',
      [
        ['a', 'm1', 0],
        ['a', 'm1', 1],
      ],
      1,
    ],
    [
      'three messages in the window',
      [
        ['a', 'm1', 0],
        ['a', 'm2', 3],
        ['a', 'm3', 10],
      ],
      3,
    ],
    [
      'old fetches leave the window',
      [
        ['a', 'm1', 0],
        ['a', 'm2', 2],
        ['a', 'm3', 12],
      ],
      2,
    ],
    [
      'other sources do not count',
      [
        ['a', 'm1', 0],
        ['b', 'm2', 0],
        ['a', 'm3', 1],
      ],
      2,
    ],
  ])('%s', (_name, fetches, expected) => {
    const window = new SourceBurstWindow(10_000);
    let last = 0;
    for (const [source, message, second] of fetches)
      last = window.record(source, message, at(second));
    expect(last).toBe(expected);
  });

  it('forgets the least recently seen source when full', () => {
    const window = new SourceBurstWindow(10_000, 2);
    window.record('a', 'm1', at(0));
    window.record('b', 'm1', at(0));
    window.record('a', 'm2', at(1));
    window.record('c', 'm1', at(1));
    expect(window.record('a', 'm3', at(2))).toBe(3);
    expect(window.record('b', 'm2', at(2))).toBe(1);
  });

  it('agrees with counting every fetch in the window, over long runs of many messages', () => {
    // A fixed pseudo-random sequence: one scanner, 300 messages, times moving forward.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const window = new SourceBurstWindow(10_000);
    const fetches: { messageId: string; time: number }[] = [];
    let time = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5000; i++) {
      time += next(40);
      const messageId = `m${next(300)}`;
      fetches.push({ messageId, time });
      const expected = new Set(
        fetches.filter((fetch) => time - fetch.time <= 10_000).map((fetch) => fetch.messageId),
      ).size;
      expect(window.record('scanner', messageId, new Date(time))).toBe(expected);
    }
  });
});
