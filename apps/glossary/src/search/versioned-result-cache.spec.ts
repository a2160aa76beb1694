import { VersionedResultCache } from './versioned-result-cache';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('VersionedResultCache', () => {
  it('computes once per key and version, then serves the cached result', async () => {
    const cache = new VersionedResultCache<string>(10);
    const compute = jest.fn(async () => 'result');
    const first = cache.lookup('v1', 'q', compute);
    const second = cache.lookup('v1', 'q', compute);
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(await second.value).toBe('result');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('shares one computation between concurrent lookups', async () => {
    const cache = new VersionedResultCache<number>(10);
    let resolve!: (value: number) => void;
    const compute = jest.fn(() => new Promise<number>((r) => (resolve = r)));
    const a = cache.lookup('v1', 'q', compute);
    const b = cache.lookup('v1', 'q', compute);
    resolve(42);
    expect(await Promise.all([a.value, b.value])).toEqual([42, 42]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('empties itself when the version moves', async () => {
    const cache = new VersionedResultCache<string>(10);
    cache.lookup('v1', 'q', async () => 'old');
    cache.lookup('v1', 'other', async () => 'kept?');
    const after = cache.lookup('v2', 'q', async () => 'new');
    expect(after.hit).toBe(false);
    expect(await after.value).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('forgets a failed computation, so the next lookup tries again', async () => {
    const cache = new VersionedResultCache<string>(10);
    const failed = cache.lookup('v1', 'q', async () => {
      throw new Error('database away');
    });
    await expect(failed.value).rejects.toThrow('database away');
    await settle();
    const retried = cache.lookup('v1', 'q', async () => 'ok');
    expect(retried.hit).toBe(false);
    expect(await retried.value).toBe('ok');
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = new VersionedResultCache<string>(2);
    cache.lookup('v1', 'a', async () => 'a');
    cache.lookup('v1', 'b', async () => 'b');
    cache.lookup('v1', 'a', async () => 'a again'); // a is now the most recent
    cache.lookup('v1', 'c', async () => 'c'); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.lookup('v1', 'a', async () => 'x').hit).toBe(true);
    expect(cache.lookup('v1', 'b', async () => 'b2').hit).toBe(false);
  });

  it('refuses a size that makes no sense', () => {
    expect(() => new VersionedResultCache(0)).toThrow(RangeError);
  });
});
