import type { FieldState } from '../provenance/field-provenance';
import { diffFields, mergeFieldMaps } from './merge-fields';

const s = (value: string | null, source: string, extra: Partial<FieldState> = {}): FieldState => ({
  value,
  source,
  confidence: 0.5,
  observedAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: null,
  locked: source === 'user',
  ...extra,
});

describe('mergeFieldMaps', () => {
  it.each<[string, FieldState, FieldState, FieldState]>([
    ['a person beats a rule', s('CEO', 'rule:title'), s('CTO', 'user'), s('CTO', 'user')],
    [
      'an import beats a provider',
      s('a', 'provider:x', { verifiedAt: 'x' }),
      s('b', 'import'),
      s('b', 'import'),
    ],
    ['a value beats a blank', s(null, 'rule:phone'), s('+1', 'rule:phone'), s('+1', 'rule:phone')],
    [
      'a cleared-by-a-person field stays cleared',
      s(null, 'user'),
      s('x', 'import'),
      s(null, 'user'),
    ],
    [
      'valid beats invalid at the same level',
      s('bad', 'user', { invalid: true }),
      s('good', 'user'),
      s('good', 'user'),
    ],
    [
      'higher confidence wins at the same level',
      s('a', 'rule:x', { confidence: 0.9 }),
      s('b', 'rule:y', { confidence: 0.4 }),
      s('a', 'rule:x', { confidence: 0.9 }),
    ],
    [
      'the newer observation wins a full tie',
      s('a', 'import'),
      s('b', 'import', { observedAt: '2026-02-01T00:00:00.000Z' }),
      s('b', 'import', { observedAt: '2026-02-01T00:00:00.000Z' }),
    ],
    ['the primary wins an exact tie', s('a', 'import'), s('b', 'import'), s('a', 'import')],
  ])('%s', (_, primary, duplicate, expected) => {
    expect(mergeFieldMaps([{ f: primary }, { f: duplicate }]).f).toEqual(expected);
  });

  it('takes fields only a duplicate has', () => {
    expect(mergeFieldMaps([{ a: s('1', 'user') }, { b: s('2', 'import') }])).toEqual({
      a: s('1', 'user'),
      b: s('2', 'import'),
    });
  });
});

describe('diffFields', () => {
  it('lists value and provenance changes, not unchanged fields', () => {
    const changes = diffFields(
      { a: s('1', 'user'), b: s('2', 'rule:x'), c: s('3', 'import') },
      { a: s('1', 'user'), b: s('2', 'user'), c: s('4', 'import'), d: s('5', 'import') },
    );
    expect(changes.map((change) => [change.field, change.valueChanged])).toEqual([
      ['b', false],
      ['c', true],
      ['d', true],
    ]);
  });
});
