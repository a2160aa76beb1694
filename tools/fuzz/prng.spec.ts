import { createPrng, requestSeed } from './prng';

describe('createPrng', () => {
  it.each([
    [1, [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]],
    [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]],
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
  ])('seed %i gives the same first values every time', (seed, expected) => {
    const prng = createPrng(seed);
    expect([prng.next(), prng.next(), prng.next()]).toEqual(expected);
  });

  it.each([1, 7, 1000])('int(%i) stays in [0, bound)', (bound) => {
    const prng = createPrng(bound);
    const values = Array.from({ length: 2000 }, () => prng.int(bound));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(bound);
    expect(values.every(Number.isInteger)).toBe(true);
  });

  it('picks every item of a list eventually, and refuses an empty one', () => {
    const prng = createPrng(3);
    const seen = new Set(Array.from({ length: 200 }, () => prng.pick(['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => prng.pick([])).toThrow('empty');
  });
});

describe('requestSeed', () => {
  it.each([
    [1, 0, 1, 1],
    [1, 1, 1, 2],
    [2, 0, 1, 0],
  ])('seed %i index %i vs seed %i index %i differ', (seedA, indexA, seedB, indexB) => {
    expect(requestSeed(seedA, indexA)).not.toBe(requestSeed(seedB, indexB));
  });

  it('is stable for a given campaign seed and index', () => {
    expect(requestSeed(42, 17)).toBe(requestSeed(42, 17));
  });
});
