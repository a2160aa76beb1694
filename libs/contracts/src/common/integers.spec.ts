import { validateSync } from 'class-validator';
import { INT32_MAX, IsInt32 } from './integers';

class Revision {
  @IsInt32(1) n: number;
}
class Page {
  @IsInt32(1, 100) limit: number;
}
class Huge {
  @IsInt32(0, Number.MAX_SAFE_INTEGER) count: number;
}

const refused = (target: object) => validateSync(target).length > 0;

describe('IsInt32', () => {
  it.each([
    [1, false],
    [INT32_MAX, false],
    [INT32_MAX + 1, true],
    [1e20, true],
    [0, true],
    [-1, true],
    [1.5, true],
    [Number.NaN, true],
    [Number.POSITIVE_INFINITY, true],
  ])('a revision number %p is refused: %p', (n, isRefused) => {
    expect(refused(Object.assign(new Revision(), { n }))).toBe(isRefused);
  });

  it('keeps a lower maximum', () => {
    expect(refused(Object.assign(new Page(), { limit: 100 }))).toBe(false);
    expect(refused(Object.assign(new Page(), { limit: 101 }))).toBe(true);
  });

  it('never allows more than PostgreSQL integer holds', () => {
    expect(refused(Object.assign(new Huge(), { count: INT32_MAX }))).toBe(false);
    expect(refused(Object.assign(new Huge(), { count: INT32_MAX + 1 }))).toBe(true);
  });
});
