import { markedSegments, unescapeHtml } from './highlight';

describe('markedSegments', () => {
  it.each([
    ['no mark', 'plain text', [{ text: 'plain text', marked: false }]],
    [
      'one mark in the middle',
      'A Sales <mark>Champion</mark> is…',
      [
        { text: 'A Sales ', marked: false },
        { text: 'Champion', marked: true },
        { text: ' is…', marked: false },
      ],
    ],
    [
      'two marks, one at the start',
      '<mark>Sales</mark> <mark>Champion</mark>',
      [
        { text: 'Sales', marked: true },
        { text: ' ', marked: false },
        { text: 'Champion', marked: true },
      ],
    ],
    [
      'escaped markup stays text',
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>',
      [
        { text: '<script>alert(1)</script> ', marked: false },
        { text: 'x', marked: true },
      ],
    ],
    ['an unclosed mark is literal text', 'a <mark>b', [{ text: 'a <mark>b', marked: false }]],
    [
      'another tag is literal text',
      '<b>bold</b> &amp; <mark>m</mark>',
      [
        { text: '<b>bold</b> & ', marked: false },
        { text: 'm', marked: true },
      ],
    ],
  ])('%s', (_, snippet, expected) => {
    expect(markedSegments(snippet)).toEqual(expected);
  });
});

describe('unescapeHtml', () => {
  it('undoes each entity once (no double unescaping)', () => {
    expect(unescapeHtml('&amp;lt; &quot;q&quot; &#39;s&#x27;')).toBe('&lt; "q" \'s\'');
  });
});
