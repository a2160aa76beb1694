import {
  canonicalFields,
  diffTermFields,
  newTermFields,
  nullPatchViolations,
  patchTermFields,
} from './term-fields';

const base = newTermFields({
  name: 'Open Rate',
  definition: 'Share of recipients who open.',
  aliases: ['OR'],
  relations: [
    { type: 'related', slug: 'z-term' },
    { type: 'broader', slug: 'email-metrics' },
  ],
});

describe('newTermFields', () => {
  it('fills defaults and sorts relations by type then slug', () => {
    expect(base).toEqual({
      name: 'Open Rate',
      definition: 'Share of recipients who open.',
      details: null,
      aliases: ['OR'],
      hiddenLabels: [],
      category: null,
      tags: [],
      relations: [
        { type: 'broader', slug: 'email-metrics' },
        { type: 'related', slug: 'z-term' },
      ],
      sources: [],
      status: 'draft',
      replacedBy: null,
    });
  });
});

describe('patchTermFields', () => {
  it.each([
    ['keeps absent fields', {}, base],
    ['replaces a given field', { name: 'Opens' }, { ...base, name: 'Opens' }],
    ['null clears a nullable field', { category: null }, { ...base, category: null }],
    ['null empties a list', { aliases: null as unknown as string[] }, { ...base, aliases: [] }],
    [
      'deprecation with a replacement',
      { status: 'deprecated' as const, replacedBy: 'click-rate' },
      { ...base, status: 'deprecated', replacedBy: 'click-rate' },
    ],
  ])('%s', (_, patch, expected) => {
    expect(patchTermFields(base, patch)).toEqual(expected);
  });

  it('drops the replacement when a term is no longer deprecated', () => {
    const deprecated = { ...base, status: 'deprecated' as const, replacedBy: 'click-rate' };
    expect(patchTermFields(deprecated, { status: 'approved' }).replacedBy).toBeNull();
  });
});

describe('diffTermFields', () => {
  it('lists every set field of a new term', () => {
    expect(diffTermFields(null, base).map((change) => change.field)).toEqual([
      'name',
      'definition',
      'aliases',
      'relations',
      'status',
    ]);
  });

  it.each([
    ['no change', base, []],
    [
      'a scalar',
      { ...base, definition: 'New.' },
      [{ field: 'definition', from: 'Share of recipients who open.', to: 'New.' }],
    ],
    ['a list', { ...base, aliases: [] }, [{ field: 'aliases', from: ['OR'], to: [] }]],
    [
      'two fields',
      { ...base, status: 'approved' as const, category: 'Email' },
      [
        { field: 'category', from: null, to: 'Email' },
        { field: 'status', from: 'draft', to: 'approved' },
      ],
    ],
  ])('%s', (_, after, expected) => {
    expect(diffTermFields(base, after)).toEqual(expected);
  });
});

describe('nullPatchViolations', () => {
  it.each([
    [{}, []],
    [{ details: null }, []],
    [{ name: null }, ['name']],
    [{ definition: null, status: null }, ['definition', 'status']],
  ])('%j', (patch, fields) => {
    expect(nullPatchViolations(patch as never).map((violation) => violation.field)).toEqual(fields);
  });
});

describe('canonicalFields', () => {
  it('orders relations and the keys inside relations and sources, so jsonb round trips diff clean', () => {
    const fromJsonb = {
      ...base,
      relations: [
        { slug: 'z-term', type: 'related' as const },
        { slug: 'email-metrics', type: 'broader' as const },
      ],
      sources: [{ title: 'T', url: 'https://example.com' }],
    };
    const canonical = canonicalFields(fromJsonb);
    expect(JSON.stringify(canonical.relations)).toBe(JSON.stringify(base.relations));
    expect(JSON.stringify(canonical.sources)).toBe('[{"url":"https://example.com","title":"T"}]');
    expect(diffTermFields(base, canonical)).toEqual([
      { field: 'sources', from: [], to: [{ url: 'https://example.com', title: 'T' }] },
    ]);
  });
});
