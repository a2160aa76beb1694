import { InvalidConfigurationError, validateEnv } from '@sales-suite/config';
import { LeadFunnelEnv } from './lead-funnel.env';

describe('LeadFunnelEnv: decay sweep and score event settings', () => {
  it('defaults: a decay sweep a minute, a ceiling sweep every 10 minutes, no extra thresholds, a move of 10 points', () => {
    expect(validateEnv(LeadFunnelEnv, {})).toMatchObject({
      LEAD_DECAY_SWEEP_MS: 60_000,
      LEAD_SCORE_CEILING_SWEEP_MS: 600_000,
      LEAD_SCORE_EVENT_THRESHOLDS: [],
      LEAD_SCORE_EVENT_MIN_CHANGE: 10,
    });
  });

  const accepted: [Record<string, string>, Partial<LeadFunnelEnv>][] = [
    [{ LEAD_SCORE_EVENT_THRESHOLDS: '25,75' }, { LEAD_SCORE_EVENT_THRESHOLDS: [25, 75] }],
    [
      { LEAD_SCORE_EVENT_THRESHOLDS: ' -10 , 12.5 ,' },
      { LEAD_SCORE_EVENT_THRESHOLDS: [-10, 12.5] },
    ],
    [{ LEAD_SCORE_EVENT_MIN_CHANGE: '2.5' }, { LEAD_SCORE_EVENT_MIN_CHANGE: 2.5 }],
    [{ LEAD_DECAY_SWEEP_MS: '100' }, { LEAD_DECAY_SWEEP_MS: 100 }],
    [{ LEAD_SCORE_CEILING_SWEEP_MS: '300' }, { LEAD_SCORE_CEILING_SWEEP_MS: 300 }],
  ];
  it.each(accepted)('accepts %j', (env, expected) => {
    expect(validateEnv(LeadFunnelEnv, env)).toMatchObject(expected);
  });

  const refused: [Record<string, string>, string][] = [
    [{ LEAD_SCORE_EVENT_THRESHOLDS: '25,high' }, 'LEAD_SCORE_EVENT_THRESHOLDS'],
    [{ LEAD_SCORE_EVENT_THRESHOLDS: 'Infinity' }, 'LEAD_SCORE_EVENT_THRESHOLDS'],
    [
      { LEAD_SCORE_EVENT_THRESHOLDS: Array.from({ length: 21 }, (_, i) => i).join(',') },
      'LEAD_SCORE_EVENT_THRESHOLDS',
    ],
    [{ LEAD_SCORE_EVENT_MIN_CHANGE: '0' }, 'LEAD_SCORE_EVENT_MIN_CHANGE'],
    [{ LEAD_SCORE_EVENT_MIN_CHANGE: 'ten' }, 'LEAD_SCORE_EVENT_MIN_CHANGE'],
    [{ LEAD_DECAY_SWEEP_MS: '50' }, 'LEAD_DECAY_SWEEP_MS'],
    [{ LEAD_SCORE_CEILING_SWEEP_MS: '86400001' }, 'LEAD_SCORE_CEILING_SWEEP_MS'],
  ];
  it.each(refused)('refuses %j, naming %s', (env, variable) => {
    expect(() => validateEnv(LeadFunnelEnv, env)).toThrow(InvalidConfigurationError);
    expect(() => validateEnv(LeadFunnelEnv, env)).toThrow(variable);
  });
});
