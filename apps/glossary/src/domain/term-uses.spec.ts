import { ErrorCode } from '@sales-suite/contracts/core';
import { describeTermUse, removalRefusal, slugsWithChangedUses, TermUse } from './term-uses';

const use = (kind: TermUse['kind'], key: string, termSlug: string): TermUse => ({
  service: 'lead-funnel',
  kind,
  key,
  termSlug,
});

describe('term uses', () => {
  it.each([
    [use('stage', 'closed_lost', 'closed-lost'), 'funnel stage closed_lost'],
    [use('lostReason', 'no_budget', 'budget'), 'funnel lost reason no_budget'],
  ])('describes %p as %s', (given, text) => expect(describeTermUse(given)).toBe(text));

  it.each<[string, TermUse[], TermUse[], string[]]>([
    ['nothing changed', [use('stage', 'new', 'a')], [use('stage', 'new', 'a')], []],
    ['a first snapshot', [], [use('stage', 'new', 'a'), use('stage', 'sql', 'b')], ['a', 'b']],
    [
      'a link moved to another term',
      [use('stage', 'new', 'a')],
      [use('stage', 'new', 'b')],
      ['a', 'b'],
    ],
    [
      'a link moved to another stage',
      [use('stage', 'new', 'a')],
      [use('stage', 'mql', 'a')],
      ['a'],
    ],
    ['every link dropped', [use('lostReason', 'spam', 'c')], [], ['c']],
  ])('changed slugs: %s', (_, before, after, slugs) => {
    expect(slugsWithChangedUses(before, after)).toEqual(slugs);
  });

  it.each<[string, TermUse[], string | null, ErrorCode | null]>([
    ['an unused term goes', [], null, null],
    [
      'a used term with a replacement goes',
      [use('stage', 'closed_lost', 'closed-lost')],
      'lost',
      null,
    ],
    [
      'a used term without one is a conflict',
      [use('stage', 'closed_lost', 'closed-lost')],
      null,
      ErrorCode.Conflict,
    ],
    [
      'a term cannot replace itself',
      [use('stage', 'closed_lost', 'closed-lost')],
      'closed-lost',
      ErrorCode.GlossaryInvalidRelation,
    ],
  ])('removal: %s', (_, uses, replacedBy, code) => {
    expect(removalRefusal('closed-lost', 'deleted', uses, replacedBy)?.code ?? null).toBe(code);
  });

  it('names every use in the refusal', () => {
    const refusal = removalRefusal(
      'closed-lost',
      'deprecated',
      [use('stage', 'closed_lost', 'closed-lost'), use('lostReason', 'spam', 'closed-lost')],
      null,
    );
    expect(refusal?.message).toBe(
      'The term "closed-lost" cannot be deprecated: it is used by funnel stage closed_lost, ' +
        'funnel lost reason spam; name a replacement (replacedBy) to move those uses to it',
    );
    expect(refusal?.details).toEqual({
      slug: 'closed-lost',
      usedBy: [
        { service: 'lead-funnel', description: 'funnel stage closed_lost' },
        { service: 'lead-funnel', description: 'funnel lost reason spam' },
      ],
    });
  });
});
