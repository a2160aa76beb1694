import type { ScoringModel } from '@sales-suite/contracts/core';
import { DEFAULT_SCORING_MODEL, scoringModelViolations } from './scoring-model';

const withFit = (fit: ScoringModel['fit']): ScoringModel => ({ ...DEFAULT_SCORING_MODEL, fit });

describe('scoringModelViolations', () => {
  it('accepts the default model', () => {
    expect(scoringModelViolations(DEFAULT_SCORING_MODEL)).toEqual([]);
  });

  it.each([
    ['seniority', ['vp', 'wizard'], 'fit.0.values.1', '"wizard" is not a seniority'],
    ['department', ['sales', 'Sales'], 'fit.0.values.1', '"Sales" is not a department'],
    ['country', ['de'], 'fit.0.values.0', 'is not an ISO-3166 alpha-2 country'],
    ['region', ['LATAM'], 'fit.0.values.0', '"LATAM" is not a region'],
    ['employeeRange', ['lots'], 'fit.0.values.0', 'is not an employee range'],
    ['freeEmail', ['yes'], 'fit.0.values.0', '"yes" is not true or false'],
    ['industry', [42], 'fit.0.values.0', '42 is not an industry name'],
  ] as const)('refuses %s values %j', (attribute, values, field, reason) => {
    const violations = scoringModelViolations(
      withFit([{ id: 'r', attribute, values: [...values] as (string | boolean)[], points: 1 }]),
    );
    expect(violations).toEqual([{ field, reason: expect.stringContaining(reason) }]);
  });

  it('refuses reused rule ids, two rules for one event type and hysteresis above threshold', () => {
    const model: ScoringModel = {
      ...DEFAULT_SCORING_MODEL,
      fit: [{ id: 'dup', attribute: 'roleAccount', values: [true], points: -5 }],
      engagement: [
        { id: 'dup', event: 'web_visit', points: 1, halfLifeDays: 7 },
        { id: 'visit-2', event: 'web_visit', points: 2, halfLifeDays: 7 },
      ],
      qualification: { mqlThreshold: 10, hysteresis: 11 },
    };
    expect(scoringModelViolations(model)).toEqual([
      { field: 'engagement.0.id', reason: 'rule id dup is used twice' },
      {
        field: 'engagement.1.event',
        reason: 'web_visit already has a rule; one rule per event type',
      },
      { field: 'qualification.hysteresis', reason: 'hysteresis must not exceed mqlThreshold' },
    ]);
  });
});
