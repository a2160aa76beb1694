import type { ContactFitAttributes } from '@sales-suite/contracts/core';
import type { LeadState } from './lead-state';
import { assignmentNeed, Territory, territoryFor } from './territory-rules';

const TERRITORIES: Territory[] = [
  {
    id: 'dach-mid',
    name: 'DACH mid-market',
    rules: [{ countries: ['DE', 'AT', 'CH'], employeeRanges: ['51-200', '201-500'] }],
    owners: ['ana', 'ben'],
  },
  {
    id: 'apac-software',
    name: 'APAC software',
    rules: [{ regions: ['APAC'], industries: ['software'] }],
    owners: ['kai'],
  },
  { id: 'americas', name: 'Americas', rules: [{ regions: ['AMER'] }], owners: ['lia'] },
];

const fit = (overrides: Partial<ContactFitAttributes>): ContactFitAttributes => ({
  seniority: null,
  department: null,
  country: null,
  industry: null,
  employeeRange: null,
  freeEmail: false,
  disposableEmail: false,
  roleAccount: false,
  ...overrides,
});

describe('territoryFor', () => {
  it.each([
    [{ country: 'DE', employeeRange: '51-200' }, 'dach-mid'],
    [{ country: 'DE', employeeRange: '1001-5000' }, null],
    [{ country: 'JP', industry: 'software' }, 'apac-software'],
    [{ country: 'JP', industry: 'retail' }, null],
    [{ country: 'BR' }, 'americas'],
    [{ country: 'US', industry: 'software' }, 'americas'],
    [{ country: 'FR' }, null],
    [{}, null],
  ])('%j → %s', (attributes, expected) => {
    expect(territoryFor(fit(attributes), TERRITORIES)?.id ?? null).toBe(expected);
  });

  it('takes the first matching territory, and a rule without criteria matches everyone', () => {
    const all: Territory = { id: 'world', name: 'World', rules: [{}], owners: ['zoe'] };
    expect(territoryFor(fit({ country: 'US' }), [...TERRITORIES, all])?.id).toBe('americas');
    expect(territoryFor(fit({ country: 'FR' }), [...TERRITORIES, all])?.id).toBe('world');
    expect(territoryFor(null, [all])).toBeNull();
  });
});

describe('assignmentNeed', () => {
  const lead = (overrides: Partial<LeadState>) =>
    ({
      fit: fit({ country: 'US' }),
      territoryId: null,
      ownerId: null,
      ownerPinned: false,
      ...overrides,
    }) as LeadState;

  it.each([
    ['unassigned lead in a territory', {}, { territoryId: 'americas', owners: ['lia'] }],
    [
      'already assigned to an owner of its territory',
      { territoryId: 'americas', ownerId: 'lia' },
      null,
    ],
    [
      'owner no longer in the territory',
      { territoryId: 'americas', ownerId: 'old' },
      { territoryId: 'americas', owners: ['lia'] },
    ],
    [
      'territory changed',
      { territoryId: 'dach-mid', ownerId: 'ana' },
      { territoryId: 'americas', owners: ['lia'] },
    ],
    [
      'pinned owner: only the territory follows the rules',
      { ownerId: 'me', ownerPinned: true },
      { territoryId: 'americas', owners: null },
    ],
    [
      'no territory matches any more',
      { fit: fit({ country: 'FR' }), territoryId: 'americas', ownerId: 'lia' },
      { territoryId: null, owners: null },
    ],
    ['no fit known yet', { fit: null }, null],
  ])('%s', (_name, overrides, expected) => {
    expect(assignmentNeed(lead(overrides as Partial<LeadState>), TERRITORIES)).toEqual(expected);
  });
});
