import { DEFAULT_FUNNEL_DEFINITION, FunnelDefinition } from './funnel-definition';
import {
  carriedVocabulary,
  LinkedTerm,
  linkedSlugs,
  newlyLinkedSlugs,
  replaceTerm,
  termUses,
  unknownTermViolations,
  vocabularyChanged,
  vocabularyOf,
  vocabularyViolations,
} from './funnel-vocabulary';

const linked: FunnelDefinition = {
  ...DEFAULT_FUNNEL_DEFINITION,
  stages: [
    { stage: 'new', termSlug: 'lead-generation-funnel' },
    { stage: 'closed_lost', termSlug: 'closed-lost' },
  ],
  lostReasonTerms: [{ reason: 'lost_to_competitor', termSlug: 'closed-lost' }],
};

const term = (slug: string, status: LinkedTerm['status'] = 'approved', replacedBy = null) => ({
  slug,
  status,
  replacedBy,
});

describe('funnel vocabulary', () => {
  it('links a definition stored without links to the seed term closed-lost only', () => {
    expect(vocabularyOf(DEFAULT_FUNNEL_DEFINITION)).toEqual({
      stages: [{ stage: 'closed_lost', termSlug: 'closed-lost' }],
      lostReasonTerms: [],
    });
  });

  it('names every use by its field', () => {
    expect(termUses(linked)).toEqual([
      {
        termSlug: 'lead-generation-funnel',
        kind: 'stage',
        key: 'new',
        field: 'stages.0.termSlug',
      },
      { termSlug: 'closed-lost', kind: 'stage', key: 'closed_lost', field: 'stages.1.termSlug' },
      {
        termSlug: 'closed-lost',
        kind: 'lostReason',
        key: 'lost_to_competitor',
        field: 'lostReasonTerms.0.termSlug',
      },
    ]);
    expect(linkedSlugs(linked)).toEqual(['closed-lost', 'lead-generation-funnel']);
  });

  it.each<[string, Partial<FunnelDefinition>, { field: string; reason: string }[]]>([
    ['valid links', {}, []],
    [
      'a stage linked twice',
      {
        stages: [
          { stage: 'new', termSlug: 'a' },
          { stage: 'new', termSlug: 'b' },
        ],
      },
      [{ field: 'stages.1.stage', reason: 'new is linked twice' }],
    ],
    [
      'a reason the definition does not list',
      { lostReasonTerms: [{ reason: 'spam', termSlug: 'a' }] },
      [{ field: 'lostReasonTerms.0.reason', reason: 'spam is not one of lostReasons' }],
    ],
    [
      'a reason linked twice',
      {
        lostReasonTerms: [
          { reason: 'no_budget', termSlug: 'a' },
          { reason: 'no_budget', termSlug: 'b' },
        ],
      },
      [{ field: 'lostReasonTerms.1.reason', reason: 'no_budget is linked twice' }],
    ],
  ])('structure: %s', (_, change, violations) => {
    expect(vocabularyViolations({ ...linked, ...change })).toEqual(violations);
  });

  it.each<[string, LinkedTerm[], { field: string; reason: string }[]]>([
    ['every term exists', [term('closed-lost'), term('lead-generation-funnel', 'draft')], []],
    [
      'a missing term, named at each use',
      [term('lead-generation-funnel')],
      [
        { field: 'stages.1.termSlug', reason: 'no glossary term "closed-lost"' },
        { field: 'lostReasonTerms.0.termSlug', reason: 'no glossary term "closed-lost"' },
      ],
    ],
    [
      'a deprecated term, naming its replacement',
      [
        term('closed-lost'),
        { slug: 'lead-generation-funnel', status: 'deprecated', replacedBy: 'sales-funnel' },
      ],
      [
        {
          field: 'stages.0.termSlug',
          reason: 'glossary term "lead-generation-funnel" is deprecated; use "sales-funnel"',
        },
      ],
    ],
  ])('glossary check: %s', (_, terms, violations) => {
    expect(unknownTermViolations(linked, terms, ['closed-lost', 'lead-generation-funnel'])).toEqual(
      violations,
    );
  });

  it('checks only the slugs asked about', () => {
    expect(unknownTermViolations(linked, [], ['lead-generation-funnel'])).toEqual([
      { field: 'stages.0.termSlug', reason: 'no glossary term "lead-generation-funnel"' },
    ]);
  });

  it.each<[string, Partial<FunnelDefinition>, string[], boolean]>([
    ['the same links', {}, [], false],
    [
      'a new slug',
      { stages: [{ stage: 'mql', termSlug: 'marketing-qualified-lead' }] },
      ['marketing-qualified-lead'],
      true,
    ],
    [
      'a known slug moved to another stage',
      {
        stages: [
          { stage: 'new', termSlug: 'lead-generation-funnel' },
          { stage: 'closed_won', termSlug: 'closed-lost' },
        ],
      },
      [],
      true,
    ],
    ['links dropped', { stages: [], lostReasonTerms: [] }, [], true],
  ])('against the current version, %s', (_, change, fresh, changed) => {
    const next = { ...linked, ...change };
    expect(newlyLinkedSlugs(next, linked)).toEqual(fresh);
    expect(vocabularyChanged(next, linked)).toBe(changed);
  });

  it('moves every link of a replaced term, and a second time changes nothing', () => {
    const replaced = replaceTerm(linked, 'closed-lost', 'lost-deal');
    expect(replaced).toMatchObject({
      transitions: linked.transitions,
      lostReasons: linked.lostReasons,
      stages: [
        { stage: 'new', termSlug: 'lead-generation-funnel' },
        { stage: 'closed_lost', termSlug: 'lost-deal' },
      ],
      lostReasonTerms: [{ reason: 'lost_to_competitor', termSlug: 'lost-deal' }],
    });
    expect(replaceTerm(replaced!, 'closed-lost', 'lost-deal')).toBeNull();
    expect(replaceTerm(linked, 'unused', 'other')).toBeNull();
    expect(replaceTerm(linked, 'closed-lost', 'closed-lost')).toBeNull();
  });

  it('moves the default link of a definition stored without links', () => {
    expect(replaceTerm(DEFAULT_FUNNEL_DEFINITION, 'closed-lost', 'lost-deal')?.stages).toEqual([
      { stage: 'closed_lost', termSlug: 'lost-deal' },
    ]);
  });

  it.each<[string, Partial<FunnelDefinition>, object]>([
    [
      'keeps the current links when the input has none',
      { lostReasons: linked.lostReasons },
      { stages: linked.stages, lostReasonTerms: linked.lostReasonTerms },
    ],
    [
      'drops links of reasons no longer listed',
      { lostReasons: ['no_budget'] },
      { stages: linked.stages, lostReasonTerms: [] },
    ],
    [
      'takes the links the input states',
      { lostReasons: ['no_budget'], stages: [], lostReasonTerms: [] },
      { stages: [], lostReasonTerms: [] },
    ],
  ])('a replacement definition %s', (_, input, expected) => {
    expect(carriedVocabulary(input as Pick<FunnelDefinition, 'lostReasons'>, linked)).toEqual(
      expected,
    );
  });
});
