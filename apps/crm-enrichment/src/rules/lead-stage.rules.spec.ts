import {
  createDateOf,
  DEFAULT_STAGE_MAPPING,
  parseStageMapping,
  stageMappingOf,
  stageOf,
} from './lead-stage.rules';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('stageOf (default table)', () => {
  const mapping = stageMappingOf(DEFAULT_STAGE_MAPPING);
  it.each([
    ['Subscriber', 'new'],
    ['Lead', 'new'],
    ['Marketing Qualified Lead', 'mql'],
    ['marketingqualifiedlead', 'mql'],
    ['Sales Qualified Lead', 'sql'],
    ['SALES-QUALIFIED-LEAD', 'sql'],
    ['Opportunity', 'opportunity'],
    ['Customer', 'closed_won'],
    ['Evangelist', 'closed_won'],
    ['Closed - Lost', 'closed_lost'],
    ['Other', 'new'],
    ['Cold', 'new'],
    ['', 'new'],
    [null, 'new'],
  ])('%p → %s', (cell, stage) => {
    expect(stageOf(cell, mapping)).toBe(stage);
  });
});

describe('stageOf (configured table)', () => {
  const mapping = stageMappingOf({ 'Potential Customer': 'opportunity', Customer: 'sql' });
  it.each([
    ['potential customer', 'opportunity'],
    ['Customer', 'sql'],
    ['Marketing Qualified Lead', 'new'],
  ])('%p → %s', (cell, stage) => {
    expect(stageOf(cell, mapping)).toBe(stage);
  });
});

describe('parseStageMapping', () => {
  it.each([
    ['{"Hot":"sql","Won":"closed_won"}', { table: { Hot: 'sql', Won: 'closed_won' } }],
    ['{}', { table: {} }],
    ['not json', { error: 'must be JSON' }],
    ['["sql"]', { error: 'must be a JSON object of CRM value → funnel stage' }],
    ['null', { error: 'must be a JSON object of CRM value → funnel stage' }],
    ['{"Hot":"warm"}', { error: expect.stringContaining('"Hot" maps to "warm", not one of new,') }],
    ['{"Hot":3}', { error: expect.stringContaining('"Hot" maps to 3') }],
    ['{"--":"new"}', { error: '"--" has no letter or digit' }],
  ])('%s', (raw, expected) => {
    expect(parseStageMapping(raw)).toEqual(expected);
  });
});

describe('createDateOf', () => {
  it.each([
    ['2024-03-05 14:22', '2024-03-05T14:22:00.000Z'],
    ['2024-03-05 14:22:07', '2024-03-05T14:22:07.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T14:22:00Z', '2024-03-05T14:22:00.000Z'],
    ['2024-03-05T14:22:00+02:00', '2024-03-05T12:22:00.000Z'],
    ['2024-02-30', null],
    ['2024-03-05 25:00', null],
    ['03/05/2024', null],
    ['yesterday', null],
    ['2027-01-01', null],
    ['', null],
    [null, null],
  ])('%p → %p', (cell, expected) => {
    expect(createDateOf(cell, NOW)).toBe(expected);
  });
});
