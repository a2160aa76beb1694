import { memoize } from './memoize';

describe('memoize', () => {
  it('computes once per key and stays bounded', () => {
    const fn = jest.fn((key: string) => key.length);
    const cached = memoize(fn, 2);
    expect([cached('a'), cached('a'), cached('bb')]).toEqual([1, 1, 2]);
    expect(fn).toHaveBeenCalledTimes(2);
    cached('ccc'); // full: the cache starts over
    cached('a');
    expect(fn).toHaveBeenCalledTimes(4);
  });
});
