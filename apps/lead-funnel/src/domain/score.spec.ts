import type { ContactFitAttributes, ScoringModel } from '@sales-suite/contracts/core';
import type { LeadEvent, NewLeadEvent } from './lead-events';
import { DAY_MS, scoreLead } from './score';

const T0 = Date.UTC(2026, 0, 1); // 20454 days after the epoch: a 7-day cap period starts here
const day = (n: number) => T0 + n * DAY_MS;

const MODEL: ScoringModel = {
  fit: [
    { id: 'vp', attribute: 'seniority', values: ['vp'], points: 20 },
    { id: 'free-mail', attribute: 'freeEmail', values: [true], points: -15 },
    { id: 'emea', attribute: 'region', values: ['EMEA'], points: 5 },
  ],
  engagement: [
    {
      id: 'open',
      event: 'email_opened',
      points: 4,
      halfLifeDays: 10,
      cap: { points: 8, periodDays: 7 },
    },
    { id: 'meeting', event: 'meeting_booked', points: 30, halfLifeDays: 30 },
    {
      id: 'unsub',
      event: 'unsubscribed',
      points: -20,
      halfLifeDays: 10,
      cap: { points: 10, periodDays: 7 },
    },
  ],
  committee: { pointsPerRole: 5, maxPoints: 10 },
  champion: { points: 7 },
  qualification: { mqlThreshold: 50, hysteresis: 10 },
};

const FIT: ContactFitAttributes = {
  seniority: 'vp',
  department: 'sales',
  country: 'DE',
  industry: 'software',
  employeeRange: '51-200',
  freeEmail: true,
  disposableEmail: false,
  roleAccount: false,
};

const created: NewLeadEvent = {
  type: 'LeadCreated',
  occurredAt: T0 - DAY_MS,
  data: { source: 'inbound', contactId: null, accountId: null, ownerId: null, amount: null },
};
const open = (at: number, contactId: string | null = null): NewLeadEvent => ({
  type: 'EngagementRecorded',
  occurredAt: at,
  data: { type: 'email_opened', contactId, sourceId: null },
});
const engaged = (
  type: 'meeting_booked' | 'unsubscribed' | 'web_visit',
  at: number,
  contactId: string | null = null,
): NewLeadEvent => ({
  type: 'EngagementRecorded',
  occurredAt: at,
  data: { type, contactId, sourceId: null },
});
const fitUpdated = (fit: ContactFitAttributes, at = T0): NewLeadEvent => ({
  type: 'FitUpdated',
  occurredAt: at,
  data: { contactId: 'c1', fit },
});
const member = (
  contactId: string,
  role: 'decision_maker' | 'champion' | 'blocker' | 'user' | 'influencer',
): NewLeadEvent => ({
  type: 'CommitteeMemberAdded',
  occurredAt: T0,
  data: { contactId, role },
});
const stream = (...events: NewLeadEvent[]): LeadEvent[] =>
  [created, ...events].map((event, index) => ({ ...event, version: index + 1 }) as LeadEvent);

// Expectations computed by hand: 0.5^0.1 = 0.93303, 0.5^0.2 = 0.87055, 0.5^1.5 = 0.35355.
describe('scoreLead', () => {
  it.each([
    ['a lead with no facts', stream(), T0, { fit: 0, engagement: 0, total: 0 }],
    [
      'fit: vp 20, free mail −15, EMEA (DE) 5',
      stream(fitUpdated(FIT)),
      T0,
      { fit: 10, engagement: 0, total: 10 },
    ],
    [
      'fit: the latest FitUpdated wins (US, not vp, company mail)',
      stream(
        fitUpdated(FIT),
        fitUpdated({ ...FIT, seniority: 'manager', country: 'US', freeEmail: false }, day(1)),
      ),
      day(1),
      { fit: 0, engagement: 0, total: 0 },
    ],
    [
      'one open, no decay at its own time',
      stream(open(T0)),
      T0,
      { fit: 0, engagement: 4, total: 4 },
    ],
    [
      'one open after one half-life',
      stream(open(T0)),
      day(10),
      { fit: 0, engagement: 2, total: 2 },
    ],
    [
      'one open after two half-lives',
      stream(open(T0)),
      day(20),
      { fit: 0, engagement: 1, total: 1 },
    ],
    [
      'three opens in one period: the cap (8) keeps 4 + 4 + 0; 4·0.87055 + 4·0.93303',
      stream(open(T0), open(day(1)), open(day(2))),
      day(2),
      { fit: 0, engagement: 7.21, total: 7.21 },
    ],
    [
      'a new period resets the cap: 4·0.93303 + 4 + 4 + 0',
      stream(open(day(6)), open(day(7)), open(day(7)), open(day(7))),
      day(7),
      { fit: 0, engagement: 11.73, total: 11.73 },
    ],
    [
      'events arriving out of order are capped in time order',
      stream(open(day(2)), open(T0), open(day(1))),
      day(2),
      { fit: 0, engagement: 7.21, total: 7.21 },
    ],
    [
      'events after the scoring time are ignored',
      stream(open(day(5)), fitUpdated(FIT, day(5))),
      T0,
      { fit: 0, engagement: 0, total: 0 },
    ],
    [
      'a negative rule is capped in absolute value: −10 then 0',
      stream(engaged('unsubscribed', T0), engaged('unsubscribed', T0)),
      T0,
      { fit: 0, engagement: -10, total: -10 },
    ],
    [
      'a meeting after 45 days with a 30-day half-life: 30·0.35355',
      stream(engaged('meeting_booked', T0)),
      day(45),
      { fit: 0, engagement: 10.61, total: 10.61 },
    ],
    [
      'committee: decision maker and champion engaged (blocker and silent user do not count): 2·5',
      stream(
        member('a', 'decision_maker'),
        member('b', 'champion'),
        member('c', 'blocker'),
        member('d', 'user'),
        engaged('web_visit', T0, 'a'),
        engaged('web_visit', T0, 'b'),
        engaged('web_visit', T0, 'c'),
      ),
      T0,
      { fit: 0, engagement: 10, total: 10 },
    ],
    [
      'committee bonus stops at maxPoints (3 roles · 5 → 10)',
      stream(
        member('a', 'decision_maker'),
        member('b', 'champion'),
        member('e', 'influencer'),
        engaged('web_visit', T0, 'a'),
        engaged('web_visit', T0, 'b'),
        engaged('web_visit', T0, 'e'),
      ),
      T0,
      { fit: 0, engagement: 10, total: 10 },
    ],
    [
      'fit 10 + meeting 10.61 + champion 7',
      stream(fitUpdated(FIT), engaged('meeting_booked', T0), {
        type: 'ChampionIdentified',
        occurredAt: T0,
        data: { contactId: 'b' },
      }),
      day(45),
      { fit: 10, engagement: 17.61, total: 27.61 },
    ],
  ])('%s', (_name, events, at, expected) => {
    expect(scoreLead(events, MODEL, at)).toMatchObject(expected);
  });

  it('explains every point: rule, event version, original, counted and decayed points', () => {
    const score = scoreLead(
      stream(fitUpdated(FIT), open(day(2)), open(T0), open(day(1))),
      MODEL,
      day(2),
    );
    expect(score.contributions).toEqual([
      {
        kind: 'fit',
        rule: 'vp',
        eventVersion: 2,
        occurredAt: T0,
        points: 20,
        countedPoints: 20,
        decayedPoints: 20,
      },
      {
        kind: 'fit',
        rule: 'free-mail',
        eventVersion: 2,
        occurredAt: T0,
        points: -15,
        countedPoints: -15,
        decayedPoints: -15,
      },
      {
        kind: 'fit',
        rule: 'emea',
        eventVersion: 2,
        occurredAt: T0,
        points: 5,
        countedPoints: 5,
        decayedPoints: 5,
      },
      {
        kind: 'engagement',
        rule: 'open',
        eventVersion: 4,
        occurredAt: T0,
        points: 4,
        countedPoints: 4,
        decayedPoints: 3.48,
      },
      {
        kind: 'engagement',
        rule: 'open',
        eventVersion: 5,
        occurredAt: day(1),
        points: 4,
        countedPoints: 4,
        decayedPoints: 3.73,
      },
      {
        kind: 'engagement',
        rule: 'open',
        eventVersion: 3,
        occurredAt: day(2),
        points: 4,
        countedPoints: 0,
        decayedPoints: 0,
      },
    ]);
    expect(score.total).toBe(17.21);
  });

  it('names the engaged roles of the committee bonus', () => {
    const score = scoreLead(
      stream(
        member('a', 'decision_maker'),
        member('b', 'champion'),
        engaged('web_visit', T0, 'b'),
        engaged('web_visit', T0, 'a'),
      ),
      MODEL,
      T0,
    );
    expect(score.contributions).toEqual([
      expect.objectContaining({
        kind: 'committee',
        points: 10,
        roles: ['champion', 'decision_maker'],
      }),
    ]);
  });

  it('gives the same numbers without explanations', () => {
    const events = stream(
      fitUpdated(FIT),
      open(T0),
      open(day(1)),
      engaged('meeting_booked', day(3)),
    );
    const explained = scoreLead(events, MODEL, day(9));
    const bare = scoreLead(events, MODEL, day(9), false);
    expect(bare).toEqual({ ...explained, contributions: [] });
  });
});
