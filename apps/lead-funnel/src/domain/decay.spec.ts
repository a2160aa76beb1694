import type { ScoringModel } from '@sales-suite/contracts';
import { decayChange, DecayTerm, decayedTotal } from './decay';
import type { LeadEvent } from './lead-events';
import { DAY_MS, scoreLead } from './score';

const T0 = Date.UTC(2026, 0, 1);
const day = (n: number) => T0 + n * DAY_MS;

describe('decayedTotal: a stored score brought to a later time (hand-computed)', () => {
  const cases: [string, number, DecayTerm[], number, number][] = [
    // name, stored total, terms at T0, days later, expected total
    ['nothing decays', 42, [], 100, 42],
    [
      'one half-life later, half of the term is left',
      60,
      [{ halfLifeDays: 30, points: 60 }],
      30,
      30,
    ],
    ['two half-lives, fit 10 stays', 70, [{ halfLifeDays: 30, points: 60 }], 60, 25],
    // 40 × 0.5^(10/30) = 31.748 and 20 × 0.5 = 10
    [
      'two half-lives side by side',
      60,
      [
        { halfLifeDays: 30, points: 40 },
        { halfLifeDays: 10, points: 20 },
      ],
      10,
      41.75,
    ],
    ['negative points decay towards 0 too', -30, [{ halfLifeDays: 90, points: -30 }], 90, -15],
    [
      'a moment before the score was stored changes nothing',
      60,
      [{ halfLifeDays: 30, points: 50 }],
      -5,
      60,
    ],
    ['a century later only the fit is left', 60, [{ halfLifeDays: 30, points: 50 }], 36500, 10],
  ];
  it.each(cases)('%s', (_name, total, terms, days, expected) => {
    expect(decayedTotal(total, terms, T0, day(days))).toBe(expected);
  });

  it('changes by nothing at the moment it was stored', () => {
    expect(decayChange([{ halfLifeDays: 7, points: 12 }], T0, T0)).toBe(0);
  });
});

describe('the stored terms give the live score later (within 0.01)', () => {
  const model: ScoringModel = {
    fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 20 }],
    engagement: [
      {
        id: 'open',
        event: 'email_opened',
        points: 4,
        halfLifeDays: 10,
        cap: { points: 8, periodDays: 7 },
      },
      { id: 'click', event: 'email_clicked', points: 6, halfLifeDays: 10 },
      { id: 'meeting', event: 'meeting_booked', points: 30, halfLifeDays: 30 },
      { id: 'unsub', event: 'unsubscribed', points: -20, halfLifeDays: 90 },
    ],
    committee: { pointsPerRole: 5, maxPoints: 10 },
    champion: { points: 7 },
    qualification: { mqlThreshold: 50, hysteresis: 10 },
  };
  const engagement = (type: string, at: number, version: number): LeadEvent =>
    ({
      type: 'EngagementRecorded',
      version,
      occurredAt: at,
      data: { type, contactId: 'c-1', sourceId: null },
    }) as LeadEvent;
  const events: LeadEvent[] = [
    {
      type: 'LeadCreated',
      version: 1,
      occurredAt: day(-40),
      data: { source: 'inbound', contactId: 'c-1', accountId: null, ownerId: null, amount: null },
    },
    {
      type: 'CommitteeMemberAdded',
      version: 2,
      occurredAt: day(-40),
      data: { contactId: 'c-1', role: 'champion' },
    },
    { type: 'ChampionIdentified', version: 3, occurredAt: day(-40), data: { contactId: 'c-1' } },
    engagement('email_opened', day(-35), 4),
    engagement('email_opened', day(-35), 5),
    engagement('email_opened', day(-34), 6), // over the cap: counts 0
    engagement('email_clicked', day(-20), 7),
    engagement('meeting_booked', day(-3), 8),
    engagement('unsubscribed', day(-1), 9),
  ];
  const stored = scoreLead(events, model, T0, false);

  it('keeps one term per half-life, longest first', () => {
    expect(stored.decay.map((term) => term.halfLifeDays)).toEqual([90, 30, 10]);
  });

  it.each([0, 0.5, 1, 7, 30, 365, 3650])('%s days later', (days) => {
    const live = scoreLead(events, model, day(days), false).total;
    const later = decayedTotal(stored.total, stored.decay, T0, day(days));
    expect(Math.abs(later - live)).toBeLessThanOrEqual(0.01);
  });
});
