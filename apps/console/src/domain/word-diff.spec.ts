import { valueText, wordDiff } from './word-diff';

describe('wordDiff', () => {
  it.each([
    ['identical', 'a b', 'a b', [{ op: 'same', text: 'a b' }]],
    ['from empty', '', 'new text', [{ op: 'added', text: 'new text' }]],
    ['to empty', 'old', '', [{ op: 'removed', text: 'old' }]],
    [
      'one word replaced',
      'A person who sells',
      'A person who champions',
      [
        { op: 'same', text: 'A person who ' },
        { op: 'removed', text: 'sells' },
        { op: 'added', text: 'champions' },
      ],
    ],
    [
      'a word inserted in the middle',
      'buying committee member',
      'buying committee key member',
      [
        { op: 'same', text: 'buying committee ' },
        { op: 'added', text: 'key ' },
        { op: 'same', text: 'member' },
      ],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(wordDiff(before, after)).toEqual(expected);
  });

  it('joins the parts back into each text', () => {
    const before = 'The champion sells internally, with budget.';
    const after = 'The sales champion sells the deal internally.';
    const parts = wordDiff(before, after);
    const side = (skip: string) =>
      parts
        .filter((p) => p.op !== skip)
        .map((p) => p.text)
        .join('');
    expect(side('added')).toBe(before);
    expect(side('removed')).toBe(after);
  });

  it('falls back to whole-text replacement beyond its bound', () => {
    const long = 'w '.repeat(600);
    expect(wordDiff(long, long + 'x').map((p) => p.op)).toEqual(['removed', 'added']);
  });
});

describe('valueText', () => {
  it.each([
    ['text', 'text'],
    [null, ''],
    [['a', 'b'], '["a","b"]'],
  ])('%j → %j', (value, expected) => {
    expect(valueText(value)).toBe(expected);
  });
});
