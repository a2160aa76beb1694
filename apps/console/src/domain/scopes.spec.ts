import { holds, visibleSections } from './scopes';

describe('scopes', () => {
  it.each([
    [['admin'], 'crm:write', true],
    [['crm:read'], 'crm:read', true],
    [['crm:read'], 'crm:write', false],
    [[], 'leads:read', false],
  ] as const)('%j holds %s: %s', (scopes, scope, expected) => {
    expect(holds(scopes, scope)).toBe(expected);
  });

  it.each([
    [['admin'], ['Funnel', 'Leads', 'Campaigns', 'Glossary', 'CRM']],
    [['leads:read'], ['Funnel', 'Leads']],
    [
      ['glossary:read', 'email:read'],
      ['Campaigns', 'Glossary'],
    ],
    [['glossary:write'], []],
  ])('%j sees %j', (scopes, labels) => {
    expect(visibleSections(scopes).map((section) => section.label)).toEqual(labels);
  });
});
