import { mentionSegments } from './mentions';

describe('mentionSegments', () => {
  const text = 'Our champion reached MQL.';
  it.each([
    ['no mention', [], [{ text }]],
    [
      'two mentions given out of order',
      [
        { slug: 'mql', start: 21, end: 24 },
        { slug: 'sales-champion', start: 4, end: 12 },
      ],
      [
        { text: 'Our ' },
        { text: 'champion', slug: 'sales-champion' },
        { text: ' reached ' },
        { text: 'MQL', slug: 'mql' },
        { text: '.' },
      ],
    ],
    [
      'an overlapping mention is skipped',
      [
        { slug: 'a', start: 0, end: 12 },
        { slug: 'b', start: 4, end: 20 },
      ],
      [{ text: 'Our champion', slug: 'a' }, { text: ' reached MQL.' }],
    ],
    ['a mention past the end is skipped', [{ slug: 'x', start: 20, end: 99 }], [{ text }]],
  ])('%s', (_, mentions, expected) => {
    expect(mentionSegments(text, mentions)).toEqual(expected);
  });
});
