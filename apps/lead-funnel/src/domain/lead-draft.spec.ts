import type { ContactFitAttributes, ScoringModel } from '@sales-suite/contracts/core';
import { DEFAULT_FUNNEL_DEFINITION } from './funnel-definition';
import { LeadDraft } from './lead-draft';
import { replayLead } from './lead-state';
import { DAY_MS } from './score';

const T0 = Date.UTC(2026, 0, 5);
const MODEL: ScoringModel = {
  fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 30 }],
  engagement: [{ id: 'meeting', event: 'meeting_booked', points: 30, halfLifeDays: 10 }],
  committee: { pointsPerRole: 0, maxPoints: 0 },
  champion: { points: 0 },
  qualification: { mqlThreshold: 50, hysteresis: 10 },
};
const policy = (now: number) => ({
  model: MODEL,
  modelVersion: 3,
  definition: DEFAULT_FUNNEL_DEFINITION,
  scoreEvents: { thresholds: [50], minChange: 10 },
  now,
});
const VP: ContactFitAttributes = {
  seniority: 'vp',
  department: null,
  country: null,
  industry: null,
  employeeRange: null,
  freeEmail: false,
  disposableEmail: false,
  roleAccount: false,
};

function newLead(): LeadDraft {
  const draft = new LeadDraft('lead-1', []);
  draft.record({
    type: 'LeadCreated',
    occurredAt: T0,
    data: { source: 'inbound', contactId: 'c1', accountId: null, ownerId: null, amount: 1000 },
  });
  return draft;
}

const meeting = (draft: LeadDraft, at: number) =>
  draft.record({
    type: 'EngagementRecorded',
    occurredAt: at,
    data: { type: 'meeting_booked', contactId: 'c1', sourceId: null },
  });

describe('LeadDraft', () => {
  it('numbers new events after the stream and folds them into the state', () => {
    const draft = newLead();
    draft.transition(DEFAULT_FUNNEL_DEFINITION, 'engaged', null, T0 + 1000);
    expect(draft.pending.map((event) => [event.type, event.version])).toEqual([
      ['LeadCreated', 1],
      ['StageChanged', 2],
    ]);
    expect(draft.state).toMatchObject({ id: 'lead-1', version: 2, stage: 'engaged', amount: 1000 });
    const reloaded = new LeadDraft('lead-1', draft.events());
    expect(reloaded.readVersion).toBe(2);
    expect(reloaded.state).toEqual(draft.state);
  });

  it('moves a new lead to engaged on its first engagement, scores it, and qualifies it at the threshold', () => {
    const draft = newLead();
    draft.record({ type: 'FitUpdated', occurredAt: T0, data: { contactId: 'c1', fit: VP } });
    meeting(draft, T0);
    draft.settle(policy(T0));
    const automatic = draft.pending.slice(3);
    expect(automatic).toEqual([
      expect.objectContaining({
        type: 'StageChanged',
        data: expect.objectContaining({ from: 'new', to: 'engaged', automatic: true }),
      }),
      expect.objectContaining({
        type: 'ScoreChanged',
        data: {
          modelVersion: 3,
          fit: 30,
          engagement: 30,
          total: 60,
          decay: [{ halfLifeDays: 10, points: 30 }],
          announcement: { reason: 'threshold', crossed: [50] },
        },
      }),
      expect.objectContaining({
        type: 'StageChanged',
        data: {
          from: 'engaged',
          to: 'mql',
          reason: 'score_reached_threshold',
          automatic: true,
          cause: { score: 60, threshold: 50, hysteresis: 10, modelVersion: 3 },
        },
      }),
    ]);
    expect(draft.state).toMatchObject({ stage: 'mql', autoQualified: true });
  });

  it('keeps an automatic MQL inside the hysteresis band and demotes it below', () => {
    const draft = newLead();
    meeting(draft, T0); // 30 points, half-life 10 days
    draft.record({ type: 'FitUpdated', occurredAt: T0, data: { contactId: 'c1', fit: VP } });
    draft.settle(policy(T0)); // 60 → mql
    const inBand = new LeadDraft('lead-1', draft.events());
    inBand.settle(policy(T0 + 5 * DAY_MS)); // 30 + 30·0.5^0.5 = 51.21: still mql
    expect(inBand.state.stage).toBe('mql');
    const below = new LeadDraft('lead-1', draft.events());
    below.settle(policy(T0 + 30 * DAY_MS)); // 30 + 30·0.125 = 33.75 < 40 → engaged
    expect(below.pending.map((event) => event.type)).toEqual(['ScoreChanged', 'StageChanged']);
    expect(below.state).toMatchObject({ stage: 'engaged', autoQualified: false });
    expect(below.state.score).toMatchObject({ total: 33.75 });
  });

  it('records no ScoreChanged when nothing changed', () => {
    const draft = newLead();
    draft.settle(policy(T0));
    const again = new LeadDraft('lead-1', draft.events());
    again.settle(policy(T0 + DAY_MS));
    expect(again.pending).toEqual([]);
  });

  it('publishes an unchanged score recorded before scores were published, once', () => {
    const legacy = newLead();
    legacy.record({ type: 'FitUpdated', occurredAt: T0, data: { contactId: 'c1', fit: VP } });
    legacy.record({
      type: 'ScoreChanged',
      occurredAt: T0,
      data: { modelVersion: 3, fit: 30, engagement: 0, total: 30 }, // no decay, no announcement
    });
    const draft = new LeadDraft('lead-1', legacy.events());
    draft.settle(policy(T0 + DAY_MS));
    expect(draft.pending).toEqual([
      expect.objectContaining({
        type: 'ScoreChanged',
        data: expect.objectContaining({
          total: 30,
          announcement: { reason: 'change', crossed: [] },
        }),
      }),
    ]);
    const again = new LeadDraft('lead-1', draft.events());
    again.settle(policy(T0 + 2 * DAY_MS));
    expect(again.pending).toEqual([]);
  });

  it('replays the same state as the draft built (rebuild gives identical read models)', () => {
    const draft = newLead();
    meeting(draft, T0);
    draft.record({
      type: 'CommitteeMemberAdded',
      occurredAt: T0,
      data: { contactId: 'c2', role: 'economic_buyer' },
    });
    draft.record({ type: 'ChampionIdentified', occurredAt: T0, data: { contactId: 'c2' } });
    draft.record({
      type: 'LeadAssigned',
      occurredAt: T0,
      data: { territoryId: 'dach', ownerId: 'ana', reason: 'round_robin' },
    });
    draft.settle(policy(T0));
    draft.transition(DEFAULT_FUNNEL_DEFINITION, 'closed_lost', 'no_budget', T0 + DAY_MS);
    expect(replayLead('lead-1', draft.events())).toEqual(draft.state);
    expect(draft.state).toMatchObject({
      stage: 'closed_lost',
      lostReason: 'no_budget',
      territoryId: 'dach',
      ownerId: 'ana',
      championContactId: 'c2',
      committee: [{ contactId: 'c2', role: 'economic_buyer' }],
      engagementCount: 1,
    });
    expect(draft.state.stageVisits.map((visit) => [visit.stage, visit.leftAt !== null])).toEqual([
      ['new', true],
      ['engaged', true],
      ['closed_lost', false],
    ]);
  });
});

describe('LeadDraft.enterImportedStage', () => {
  it.each([
    ['mql', ['LeadCreated', 'StageChanged']],
    ['closed_won', ['LeadCreated', 'StageChanged']],
    ['new', ['LeadCreated']],
  ] as const)('enters %s directly, as a move made by people', (stage, types) => {
    const draft = newLead();
    draft.enterImportedStage(stage, T0);
    expect(draft.pending.map((event) => event.type)).toEqual(types);
    expect(draft.state.stage).toBe(stage);
    if (stage !== 'new')
      expect(draft.pending[1]).toMatchObject({
        occurredAt: T0,
        data: { from: 'new', to: stage, reason: 'import', automatic: false, cause: null },
      });
  });

  it('an imported MQL with no score is not demoted by qualification', () => {
    const draft = newLead();
    draft.enterImportedStage('mql', T0);
    draft.settle(policy(T0 + DAY_MS));
    expect(draft.state.stage).toBe('mql');
    expect(draft.pending.filter((event) => event.type === 'StageChanged')).toHaveLength(1);
  });
});
