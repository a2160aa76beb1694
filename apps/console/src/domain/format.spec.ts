import { duration, label, num, percent } from './format';

describe('format', () => {
  it.each([
    [0.4567, '45.7 %'],
    [1, '100.0 %'],
    [null, '—'],
  ])('percent(%j) = %j', (rate, expected) => expect(percent(rate)).toBe(expected));

  it.each([
    [0, '0 s'],
    [59.6, '1 min'],
    [302, '5 min 2 s'],
    [3 * 86_400 + 4 * 3_600 + 59, '3 d 4 h'],
    [86_400 + 30, '1 d 30 s'],
    [null, '—'],
  ])('duration(%j) = %j', (seconds, expected) => expect(duration(seconds)).toBe(expected));

  it.each([
    [12345.678, 1, '12,345.7'],
    [undefined, 0, '—'],
  ])('num(%j, %j) = %j', (value, digits, expected) => expect(num(value, digits)).toBe(expected));

  it.each([
    ['closed_lost', 'Closed lost'],
    ['lost_to_competitor', 'Lost to competitor'],
    ['mql', 'MQL'],
  ])('label(%j) = %j', (identifier, expected) => expect(label(identifier)).toBe(expected));
});
