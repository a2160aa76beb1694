import {
  findUnsafeInput,
  jsonDepth,
  MAX_INPUT_DEPTH,
  unsafeTextReason,
  withoutUnsafeText,
} from './unsafe-input';

const NUL = 'contains a NUL byte';
const SURROGATE = 'contains a lone UTF-16 surrogate';

describe('unsafeTextReason', () => {
  it.each([
    ['plain text', 'Sales champion', null],
    ['empty', '', null],
    ['accents and CJK', 'Müller 営業', null],
    ['an emoji (a valid surrogate pair)', 'deal 🤝 done', null],
    ['a NUL byte', 'a\u0000b', NUL],
    ['a NUL byte alone', '\u0000', NUL],
    ['a lone high surrogate', '\ud800', SURROGATE],
    ['a high surrogate at the end', 'abc\ud83e', SURROGATE],
    ['a lone low surrogate', 'x\udc00y', SURROGATE],
    ['two high surrogates', '\ud83e\ud83e\udd1d', SURROGATE],
    ['a low surrogate before its high one', '\udd1d\ud83e', SURROGATE],
    ['other control characters (storable)', 'tab\tline\nbell\u0007', null],
  ])('%s → %p', (_what, text, reason) => {
    expect(unsafeTextReason(text)).toBe(reason);
  });
});

describe('withoutUnsafeText', () => {
  it.each([
    ['contacts.csv', 'contacts.csv'],
    ['con\u0000tacts.csv', 'contacts.csv'],
    ['\ud800a\udc00b🤝.csv', 'ab🤝.csv'],
  ])('%j → %j', (text, cleaned) => {
    expect(withoutUnsafeText(text)).toBe(cleaned);
  });
});

describe('jsonDepth', () => {
  it.each([
    ['a scalar', '42', 0],
    ['a string', '"x"', 0],
    ['an empty object', '{}', 1],
    ['an array of objects', '[{"a":1},{"b":2}]', 2],
    ['nested', '{"a":{"b":[1,[2]]}}', 4],
    ['brackets inside strings', '{"a":"[[[{{{"}', 1],
    ['escaped quotes inside strings', '{"a":"\\"[[[","b":[]}', 2],
    ['an escaped backslash before the closing quote', '["\\\\",[[]]]', 3],
    ['1,500 levels', '['.repeat(1500) + ']'.repeat(1500), 1500],
    ['truncated (unbalanced)', '[[[[', 4],
  ])('%s → %i', (_what, text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

describe('findUnsafeInput', () => {
  it.each([
    ['a clean DTO', { slug: 'a', aliases: ['b', 'c'], n: 1, ok: true, none: null }, []],
    ['a NUL in a field', { name: 'a\u0000' }, [{ field: 'name', reason: NUL }]],
    [
      'a surrogate in an array',
      { aliases: ['ok', '\ud800'] },
      [{ field: 'aliases.1', reason: SURROGATE }],
    ],
    [
      'a NUL deep inside',
      { sources: [{ url: 'x', title: ['\u0000'] }] },
      [{ field: 'sources.0.title.0', reason: NUL }],
    ],
    ['a bare string (query or path value)', 'x\u0000', [{ field: 'body', reason: NUL }]],
    [
      'a NUL in a key (echoed replaced)',
      { 'na\u0000me': 'x' },
      [{ field: 'na\ufffdme', reason: `its name ${NUL}` }],
    ],
    [
      'several, in document order',
      { a: '\u0000', b: { c: '\udc00' } },
      [
        { field: 'a', reason: NUL },
        { field: 'b.c', reason: SURROGATE },
      ],
    ],
    ['a nesting at the limit', nested(MAX_INPUT_DEPTH), []],
  ])('%s', (_what, value, violations) => {
    expect(findUnsafeInput(value)).toEqual(violations);
  });

  it('refuses nesting past the limit without recursing (100,000 levels)', () => {
    const violations = findUnsafeInput(nested(100_000));
    expect(violations).toHaveLength(1);
    expect(violations[0].reason).toBe(`nested deeper than ${MAX_INPUT_DEPTH} levels`);
    expect(violations[0].field.split('.')).toHaveLength(MAX_INPUT_DEPTH);
  });

  it('skips the raw file fields named, at the top level only', () => {
    const value = { csv: 'a\u0000b', rows: [['\ud800']], other: { csv: '\u0000' } };
    expect(findUnsafeInput(value, { rawTextFields: new Set(['csv', 'rows']) })).toEqual([
      { field: 'other.csv', reason: NUL },
    ]);
  });

  it('reports at most 10 violations', () => {
    expect(findUnsafeInput(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(10);
  });
});
