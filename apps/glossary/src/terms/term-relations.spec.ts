import { newTermFields, TermRelation } from './term-fields';
import {
  applyRelationEdit,
  inverseRelationEdits,
  referencedSlugs,
  restorableFields,
  termRuleViolations,
} from './term-relations';

const rel = (type: TermRelation['type'], slug: string): TermRelation => ({ type, slug });

describe('inverseRelationEdits', () => {
  it.each([
    ['nothing changes', [], [], {}],
    [
      'related is its own inverse',
      [],
      [rel('related', 'b')],
      { b: { add: [rel('related', 'a')], remove: [] } },
    ],
    [
      'see-also is its own inverse',
      [],
      [rel('see-also', 'b')],
      { b: { add: [rel('see-also', 'a')], remove: [] } },
    ],
    [
      'broader becomes narrower',
      [],
      [rel('broader', 'b')],
      { b: { add: [rel('narrower', 'a')], remove: [] } },
    ],
    [
      'narrower becomes broader',
      [],
      [rel('narrower', 'b')],
      { b: { add: [rel('broader', 'a')], remove: [] } },
    ],
    [
      'a removed link removes its inverse',
      [rel('broader', 'b')],
      [],
      { b: { add: [], remove: [rel('narrower', 'a')] } },
    ],
    [
      'a retyped link swaps the inverse',
      [rel('related', 'b')],
      [rel('broader', 'b')],
      { b: { add: [rel('narrower', 'a')], remove: [rel('related', 'a')] } },
    ],
    ['an unchanged link edits nothing', [rel('related', 'b')], [rel('related', 'b')], {}],
  ])('%s', (_, before, after, expected) => {
    expect(Object.fromEntries(inverseRelationEdits('a', before, after))).toEqual(expected);
  });
});

describe('applyRelationEdit', () => {
  it.each([
    ['adds', [], { add: [rel('related', 'a')], remove: [] }, [rel('related', 'a')]],
    [
      'removes',
      [rel('related', 'a'), rel('broader', 'c')],
      { add: [], remove: [rel('related', 'a')] },
      [rel('broader', 'c')],
    ],
    [
      'replaces a link of another type to the same term',
      [rel('related', 'a')],
      { add: [rel('narrower', 'a')], remove: [] },
      [rel('narrower', 'a')],
    ],
    ['removing a missing link is harmless', [], { add: [], remove: [rel('related', 'a')] }, []],
  ])('%s', (_, relations, edit, expected) => {
    expect(applyRelationEdit(relations, edit)).toEqual(expected);
  });
});

describe('termRuleViolations', () => {
  const fields = (extra: Partial<Parameters<typeof newTermFields>[0]>) =>
    newTermFields({ name: 'A', definition: 'd', ...extra });

  it.each([
    ['a clean term', fields({ relations: [rel('related', 'b')] }), []],
    ['broader than itself', fields({ relations: [rel('broader', 'a')] }), ['relations']],
    ['related to itself', fields({ relations: [rel('related', 'a')] }), ['relations']],
    [
      'broader and narrower than the same term',
      fields({ relations: [rel('broader', 'b'), rel('narrower', 'b')] }),
      ['relations'],
    ],
    [
      'the same link twice',
      fields({ relations: [rel('related', 'b'), rel('related', 'b')] }),
      ['relations'],
    ],
    [
      'a replacement on an approved term',
      fields({ status: 'approved', replacedBy: 'b' }),
      ['replacedBy'],
    ],
    [
      'a deprecated term replaced by another',
      fields({ status: 'deprecated', replacedBy: 'b' }),
      [],
    ],
    [
      'a deprecated term replacing itself',
      fields({ status: 'deprecated', replacedBy: 'a' }),
      ['replacedBy'],
    ],
  ])('%s', (_, termFields, expectedFields) => {
    expect(termRuleViolations('a', termFields).map((violation) => violation.field)).toEqual(
      expectedFields,
    );
  });
});

describe('referencedSlugs', () => {
  it('lists linked terms and the replacement once each', () => {
    const fields = newTermFields({
      name: 'A',
      definition: 'd',
      relations: [rel('related', 'b'), rel('see-also', 'c')],
      status: 'deprecated',
      replacedBy: 'b',
    });
    expect(referencedSlugs(fields).sort()).toEqual(['b', 'c']);
  });
});

describe('restorableFields', () => {
  const fields = (relations: TermRelation[], replacedBy: string | null) => ({
    ...newTermFields({ name: 'Deal Desk', definition: 'Approves deals.' }),
    status: 'deprecated' as const,
    relations,
    replacedBy,
  });

  it.each([
    [
      'every linked term still lives',
      ['b', 'c', 'd'],
      fields([rel('related', 'b'), rel('broader', 'c')], 'd'),
      fields([rel('related', 'b'), rel('broader', 'c')], 'd'),
    ],
    [
      'a linked term was deleted since',
      ['c', 'd'],
      fields([rel('related', 'b'), rel('broader', 'c')], 'd'),
      fields([rel('broader', 'c')], 'd'),
    ],
    [
      'the replacement was deleted since',
      ['b'],
      fields([rel('related', 'b')], 'd'),
      fields([rel('related', 'b')], null),
    ],
    ['nothing linked', [], fields([], null), fields([], null)],
  ])('%s', (_case, live, deleted, restored) => {
    expect(restorableFields(deleted, new Set(live))).toEqual(restored);
  });
});
