import {
  applyProposals,
  decide,
  FieldMap,
  FieldState,
  mergeableProposals,
  precedence,
  Proposal,
} from './field-provenance';

const NOW = '2026-01-02T00:00:00.000Z';
const state = (
  source: string,
  value: string | null,
  extra: Partial<FieldState> = {},
): FieldState => ({
  value,
  source,
  confidence: 0.5,
  observedAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: null,
  locked: source === 'user',
  ...extra,
});
const proposal = (
  source: string,
  value: string | null,
  extra: Partial<Proposal> = {},
): Proposal => ({
  field: 'title',
  value,
  source,
  confidence: 0.5,
  ...extra,
});

describe('precedence', () => {
  it('orders user > import > verified provider > provider > rule', () => {
    const order = [
      precedence('user', false),
      precedence('import', false),
      precedence('provider:x', true),
      precedence('provider:x', false),
      precedence('rule:title', false),
    ];
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(new Set(order).size).toBe(5);
  });
});

describe('decide', () => {
  it.each<[string, FieldState | undefined, Proposal, string]>([
    ['fills a blank', undefined, proposal('rule:title', 'vp'), 'replace'],
    ['does not fill a blank with nothing', undefined, proposal('rule:title', null), 'keep'],
    [
      'a person may clear a blank field (locks it empty)',
      undefined,
      proposal('user', null),
      'replace',
    ],
    [
      'never overwrites a person',
      state('user', 'CEO'),
      proposal('provider:x', 'CTO', { verified: true }),
      'keep',
    ],
    [
      'never refills a field a person cleared',
      state('user', null),
      proposal('rule:title', 'vp'),
      'keep',
    ],
    ['a person overwrites a person', state('user', 'CEO'), proposal('user', 'CTO'), 'replace'],
    ['a person overwrites a rule', state('rule:title', 'vp'), proposal('user', 'CTO'), 'replace'],
    [
      'a person confirming a rule value locks it',
      state('rule:title', 'vp'),
      proposal('user', 'vp'),
      'replace',
    ],
    [
      'import beats a provider',
      state('provider:x', 'a', { verifiedAt: NOW }),
      proposal('import', 'b'),
      'replace',
    ],
    ['import does not beat a person', state('user', 'a'), proposal('import', 'b'), 'keep'],
    [
      'an unsubscribe replaces a value a person locked',
      state('user', 'false', { confidence: 1 }),
      proposal('email:unsubscribe', 'true', { confidence: 1 }),
      'replace',
    ],
    [
      'an unsubscribe beats an import',
      state('import', 'false'),
      proposal('email:unsubscribe', 'true', { confidence: 1 }),
      'replace',
    ],
    [
      'a repeated unsubscribe only refreshes',
      state('email:unsubscribe', 'true', { confidence: 1 }),
      proposal('email:unsubscribe', 'true', { confidence: 1 }),
      'refresh',
    ],
    [
      'a person may still change an unsubscribed value',
      state('email:unsubscribe', 'true', { confidence: 1 }),
      proposal('user', 'false', { confidence: 1 }),
      'replace',
    ],
    [
      'a rule never replaces an unsubscribe',
      state('email:unsubscribe', 'true', { confidence: 1 }),
      proposal('rule:x', 'false', { confidence: 1 }),
      'keep',
    ],
    [
      'a verified provider beats a rule',
      state('rule:domain', 'Acme'),
      proposal('provider:dir', 'ACME Inc', { verified: true }),
      'replace',
    ],
    [
      'an unverified provider beats a rule',
      state('rule:domain', 'Acme'),
      proposal('provider:http', 'ACME Inc'),
      'replace',
    ],
    [
      'an unverified provider loses to a verified one',
      state('provider:dir', 'a', { verifiedAt: NOW }),
      proposal('provider:http', 'b'),
      'keep',
    ],
    [
      'a rule loses to a provider',
      state('provider:dir', 'a'),
      proposal('rule:domain', 'b'),
      'keep',
    ],
    [
      'a rule updates its own value',
      state('rule:title', 'vp'),
      proposal('rule:title', 'director'),
      'replace',
    ],
    [
      'a rule retracts its own value',
      state('rule:title', 'vp'),
      proposal('rule:title', null),
      'replace',
    ],
    [
      'a rule cannot clear another source',
      state('import', 'vp'),
      proposal('rule:title', null),
      'keep',
    ],
    [
      'the same value from the same source only refreshes',
      state('rule:title', 'vp'),
      proposal('rule:title', 'vp'),
      'refresh',
    ],
    [
      'a same-level source needs at least the same confidence',
      state('rule:a', 'x', { confidence: 0.9 }),
      proposal('rule:b', 'y', { confidence: 0.5 }),
      'keep',
    ],
    [
      'a same-level source with more confidence wins',
      state('rule:a', 'x', { confidence: 0.3 }),
      proposal('rule:b', 'y', { confidence: 0.5 }),
      'replace',
    ],
    [
      'the same import value changes nothing',
      state('import', 'x'),
      proposal('import', 'x'),
      'refresh',
    ],
  ])('%s', (_, current, offered, expected) => {
    expect(decide(current, offered)).toBe(expected);
  });
});

describe('applyProposals', () => {
  it('records one change per field, from the first old value to the last new one', () => {
    const { fields, changes } = applyProposals(
      { title: state('rule:title', 'a') },
      [proposal('user', 'b'), proposal('user', 'c'), proposal('rule:title', 'd')],
      NOW,
    );
    expect(fields.title).toMatchObject({
      value: 'c',
      source: 'user',
      locked: true,
      verifiedAt: NOW,
      observedAt: NOW,
    });
    expect(changes).toEqual([
      {
        field: 'title',
        oldValue: 'a',
        newValue: 'c',
        source: 'user',
        confidence: 0.5,
        valueChanged: true,
      },
    ]);
  });

  it('keeps invalid flags and reasons, and does not touch the input map', () => {
    const input = {};
    const { fields } = applyProposals(
      input,
      [
        {
          field: 'phone',
          value: '12',
          source: 'user',
          confidence: 1,
          invalid: true,
          reason: 'too_short',
        },
      ],
      NOW,
    );
    expect(fields.phone).toMatchObject({ value: '12', invalid: true, reason: 'too_short' });
    expect(input).toEqual({});
  });

  it("keeps what the source acted on and when it observed the value (an unsubscribe's message)", () => {
    const { fields } = applyProposals(
      {},
      [
        proposal('email:unsubscribe', 'true', {
          sourceRef: 'm-1',
          observedAt: '2026-01-01T12:00:00.000Z',
        }),
      ],
      NOW,
    );
    expect(fields.title).toMatchObject({
      source: 'email:unsubscribe',
      sourceRef: 'm-1',
      observedAt: '2026-01-01T12:00:00.000Z',
      locked: false,
    });
  });

  it('refreshes the observation time without a change', () => {
    const { fields, changes } = applyProposals(
      { title: state('provider:x', 'a') },
      [proposal('provider:x', 'a', { verified: true })],
      NOW,
    );
    expect(changes).toEqual([]);
    expect(fields.title).toMatchObject({ observedAt: NOW, verifiedAt: NOW });
  });
});

describe('mergeableProposals', () => {
  it.each<[string, FieldState | undefined, Proposal, boolean]>([
    ['fills a blank', undefined, proposal('user', 'CTO'), true],
    ['replaces an import', state('import', 'Intern'), proposal('user', 'CTO'), true],
    ['replaces a rule', state('rule:title', 'entry'), proposal('user', 'CTO'), true],
    ['keeps a person’s value', state('user', 'CEO'), proposal('user', 'CTO'), false],
    ['keeps a field a person cleared', state('user', null), proposal('user', 'CTO'), false],
    ['clears nothing', state('import', 'Intern'), proposal('user', null), false],
    ['clears no blank either', undefined, proposal('user', null), false],
  ])('%s', (_case, current, offered, kept) => {
    const fields: FieldMap = current ? { title: current } : {};
    expect(mergeableProposals(fields, [offered])).toEqual(kept ? [offered] : []);
  });
});
