import { Logger } from '@nestjs/common';
import { backoffDelay, LoopPass, WakeableLoop } from './wakeable-loop';

describe('backoffDelay', () => {
  it.each([
    // failures, initialMs, maxMs, expected
    [1, 200, 2000, 200],
    [2, 200, 2000, 400],
    [4, 200, 2000, 1600],
    [5, 200, 2000, 2000],
    [50, 200, 2000, 2000],
    [1, 1000, 1000, 1000],
    [3, 1000, 1000, 1000],
    [1000, 250, 2000, 2000],
  ])('after %i failures from %i ms up to %i ms: %i ms', (failures, initialMs, maxMs, expected) => {
    expect(backoffDelay(failures, { initialMs, maxMs })).toBe(expected);
  });
});

describe('WakeableLoop', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    warn.mockRestore();
  });

  /** Lets the loop's promise chain run up to its next timer. */
  const settle = () => jest.advanceTimersByTimeAsync(0);

  function counting(answer: (pass: number) => number | void | Promise<never>): {
    pass: LoopPass;
    passes: () => number;
  } {
    let count = 0;
    return {
      pass: async () => answer(++count),
      passes: () => count,
    };
  }

  /** A loop on a 60 s idle wait, started, with its first pass done. */
  async function started(): Promise<{ loop: WakeableLoop; passes: () => number }> {
    const { pass, passes } = counting(() => undefined);
    const loop = new WakeableLoop({ name: 'test', idleMs: 60_000 }, pass);
    loop.start();
    await settle();
    return { loop, passes };
  }

  // Each timeline: [ms to advance, passes run by then], with idleMs 1000.
  it.each<[string, (pass: number) => number | void, number, [number, number][]]>([
    [
      'runs a pass at start, then one every idleMs',
      () => undefined,
      0,
      [
        [0, 1],
        [999, 1],
        [1, 2],
      ],
    ],
    [
      'waits what the pass answers: 0 runs the next one at once',
      (n) => (n < 3 ? 0 : 5000),
      0,
      [
        [10, 3],
        [4900, 3],
        [200, 4],
      ],
    ],
    [
      'starts after firstPassInMs when asked to',
      () => undefined,
      300,
      [
        [299, 0],
        [1, 1],
      ],
    ],
  ])('%s', async (_what, answer, firstPassInMs, timeline) => {
    const { pass, passes } = counting(answer);
    const loop = new WakeableLoop({ name: 'test', idleMs: 1000 }, pass);
    loop.start(firstPassInMs);
    const seen: [number, number][] = [];
    for (const [advanceMs] of timeline) {
      await jest.advanceTimersByTimeAsync(advanceMs);
      seen.push([advanceMs, passes()]);
    }
    expect(seen).toEqual(timeline);
    await loop.stop();
  });

  it('runs the next pass at once when woken during the wait', async () => {
    const { loop, passes } = await started();
    loop.wake();
    await settle();
    expect(passes()).toBe(2);
    await loop.stop();
  });

  it('stop cuts the wait short and runs no further pass', async () => {
    const { loop, passes } = await started();
    await loop.stop();
    expect(loop.stopping).toBe(true);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(passes()).toBe(1);
  });

  it('stop resolves only once the pass in flight has ended', async () => {
    let finish!: () => void;
    let ended = false;
    const loop = new WakeableLoop({ name: 'test', idleMs: 1000 }, async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      ended = true;
    });
    loop.start();
    await settle();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(ended).toBe(true);
  });

  it('a sleep inside a pass ends when the loop is stopped', async () => {
    let slept = false;
    const loop = new WakeableLoop({ name: 'test', idleMs: 1000 }, async (self) => {
      await self.sleep(60_000);
      slept = true;
    });
    loop.start();
    await settle();
    await loop.stop();
    expect(slept).toBe(true);
  });

  it('after stop, goes on while drainWhile answers true', async () => {
    let buffered = 3;
    const loop = new WakeableLoop(
      { name: 'test', idleMs: 60_000, drainWhile: () => buffered > 0 },
      async (self) => (self.stopping ? (buffered--, 0) : undefined),
    );
    loop.start();
    await settle();
    const stopped = loop.stop();
    await jest.advanceTimersByTimeAsync(10);
    await stopped;
    expect(buffered).toBe(0);
  });

  it('backs off after failed passes, logs the message only, and resets after a success', async () => {
    const { pass, passes } = counting((n) =>
      n <= 3 ? Promise.reject(new Error('database away')) : undefined,
    );
    const loop = new WakeableLoop(
      { name: 'test', idleMs: 1000, backoff: { initialMs: 100, maxMs: 150 } },
      pass,
    );
    loop.start();
    await settle();
    expect(loop.failures).toBe(1);
    expect(warn).toHaveBeenCalledWith(
      'Pass failed (1 in a row), retrying in 100 ms: database away',
    );
    await jest.advanceTimersByTimeAsync(100);
    expect(passes()).toBe(2);
    await jest.advanceTimersByTimeAsync(149);
    expect(passes()).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes()).toBe(3);
    await jest.advanceTimersByTimeAsync(150);
    expect(passes()).toBe(4);
    expect(loop.failures).toBe(0);
    // Only the first failure of a streak and every tenth is logged.
    expect(warn).toHaveBeenCalledTimes(1);
    await loop.stop();
  });

  it('does not start once stopped', async () => {
    const { pass, passes } = counting(() => undefined);
    const loop = new WakeableLoop({ name: 'test', idleMs: 1000 }, pass);
    await loop.stop();
    loop.start();
    await jest.advanceTimersByTimeAsync(5000);
    expect(passes()).toBe(0);
  });
});
