import { withInverseLinks } from './import-links';

describe('withInverseLinks', () => {
  it.each([
    ['no links', [{ slug: 'a' }, { slug: 'b' }], [{ slug: 'a' }, { slug: 'b' }]],
    [
      'a link to a later row is mirrored on it',
      [{ slug: 'a', relations: [{ type: 'broader', slug: 'b' }] }, { slug: 'b' }],
      [
        { slug: 'a', relations: [{ type: 'broader', slug: 'b' }] },
        { slug: 'b', relations: [{ type: 'narrower', slug: 'a' }] },
      ],
    ],
    [
      'a link to an earlier row is mirrored too',
      [
        { slug: 'a', relations: [] },
        { slug: 'b', relations: [{ type: 'related', slug: 'a' }] },
      ],
      [
        { slug: 'a', relations: [{ type: 'related', slug: 'b' }] },
        { slug: 'b', relations: [{ type: 'related', slug: 'a' }] },
      ],
    ],
    [
      'a row that links back itself keeps its own link',
      [
        { slug: 'a', relations: [{ type: 'broader', slug: 'b' }] },
        { slug: 'b', relations: [{ type: 'related', slug: 'a' }] },
      ],
      [
        { slug: 'a', relations: [{ type: 'broader', slug: 'b' }] },
        { slug: 'b', relations: [{ type: 'related', slug: 'a' }] },
      ],
    ],
    [
      'links to terms outside the import are left to the database',
      [{ slug: 'a', relations: [{ type: 'see-also', slug: 'elsewhere' }] }],
      [{ slug: 'a', relations: [{ type: 'see-also', slug: 'elsewhere' }] }],
    ],
    [
      'a self-link is left for validation to refuse',
      [{ slug: 'a', relations: [{ type: 'broader', slug: 'a' }] }],
      [{ slug: 'a', relations: [{ type: 'broader', slug: 'a' }] }],
    ],
  ] as const)('%s', (_, rows, expected) => {
    expect(withInverseLinks(rows as never)).toEqual(expected);
  });
});
