import { mergeSlugPages } from './term-listing';

const terms = (...slugs: string[]) => slugs.map((slug) => ({ slug }));

describe('mergeSlugPages', () => {
  it.each([
    ['no deleted terms', ['a', 'c'], [], 5, ['a', 'c'], false],
    ['only deleted terms', [], ['b'], 5, ['b'], false],
    [
      'interleaved in slug order',
      ['a', 'c', 'e'],
      ['b', 'd'],
      10,
      ['a', 'b', 'c', 'd', 'e'],
      false,
    ],
    ['cut to the limit, more to come', ['a', 'c', 'e'], ['b', 'd'], 3, ['a', 'b', 'c'], true],
    ['exactly the limit: no more', ['a'], ['b'], 2, ['a', 'b'], false],
    // Each side was fetched with limit + 1 rows: one extra anywhere means another page.
    ['the extra row from the deleted side', ['a'], ['b', 'c'], 2, ['a', 'b'], true],
    [
      'code-point order, as the database sorts slugs (C collation)',
      ['a-b'],
      ['a1'],
      5,
      ['a-b', 'a1'],
      false,
    ],
  ])('%s', (_case, live, deleted, limit, slugs, more) => {
    const page = mergeSlugPages(terms(...live), terms(...deleted), limit);
    expect(page.items.map((term) => term.slug)).toEqual(slugs);
    expect(page.more).toBe(more);
  });
});
