import { connect, NatsConnection } from 'nats';
import { AppSet } from '../support/apps';
import { eventually } from '../support/eventually';
import { e2eRun } from '../support/test-env';
import {
  Api,
  createLead,
  EventPublisher,
  HistoryBody,
  LeadBody,
  leadEventsOf,
  putModel,
  startLeadFunnel,
  contactFit,
} from './lead-funnel.harness';

/** Forms 5, meetings 60 (ten-year half-lives, so nothing decays during the test); MQL at 50. */
const MODEL = {
  fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 20 }],
  engagement: [
    { id: 'form', event: 'form_submitted', points: 5, halfLifeDays: 3650 },
    { id: 'meeting', event: 'meeting_booked', points: 60, halfLifeDays: 3650 },
  ],
  committee: { pointsPerRole: 0, maxPoints: 0 },
  champion: { points: 0 },
  qualification: { mqlThreshold: 50, hysteresis: 10 },
};

describe('lead events out: lead.* through the outbox to JetStream', () => {
  let apps: AppSet;
  let api: Api;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel({
      LEAD_SCORE_EVENT_THRESHOLDS: '30',
      LEAD_SCORE_EVENT_MIN_CHANGE: '15',
    }));
    await putModel(api, MODEL);
    const territories = await api('/v1/territories', {
      method: 'PUT',
      body: {
        territories: [{ id: 'everyone', name: 'Everyone', rules: [{}], owners: ['owner-7'] }],
      },
    });
    expect(territories.status).toBe(200);
    nc = await connect({ servers: e2eRun().natsUrl });
    publisher = await EventPublisher.connect();
  });
  afterAll(async () => {
    await nc?.drain();
    await publisher?.close();
    await apps.stopAll();
  });

  async function engage(id: string, type: string): Promise<LeadBody> {
    const response = await api<LeadBody>(`/v1/leads/${id}/engagements`, { body: { type } });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('publishes each change exactly once, in order, with ids and numbers only', async () => {
    const lead = await createLead(api, {
      source: 'referral',
      contactId: 'contact-41',
      accountId: 'account-9',
      amount: 900,
    });
    // The contact's fit arrives from the CRM: the lead gets its territory and owner.
    await publisher.publishContactEnriched('contact-41', {
      fit: contactFit({ seniority: 'manager' }),
      accountId: 'account-9',
    });
    await eventually(
      async () => (await api<LeadBody>(`/v1/leads/${lead.id}`)).body,
      (current) => current.ownerId === 'owner-7',
    );
    await engage(lead.id, 'form_submitted'); // 5: engaged; a small score move is not published
    expect((await engage(lead.id, 'meeting_booked')).stage).toBe('mql'); // 65: crosses 30 and 50
    await engage(lead.id, 'form_submitted'); // 70: +5 from the last published 65, not published
    const back = await api<LeadBody>(`/v1/leads/${lead.id}/transitions`, {
      body: { to: 'engaged', reason: 'not_ready' },
    });
    expect(back.status).toBe(201);

    const events = await leadEventsOf(nc, lead.id, 8);
    expect(events.map((event) => event.subject)).toEqual([
      'lead.created',
      'lead.assigned',
      'lead.stage_changed',
      'lead.score_changed',
      'lead.stage_changed',
      'lead.qualified',
      'lead.stage_changed',
      'lead.disqualified',
    ]);
    const base = { leadId: lead.id, version: expect.any(Number), occurredAt: expect.any(String) };
    expect(events.map((event) => event.data)).toEqual([
      {
        ...base,
        source: 'referral',
        contactId: 'contact-41',
        accountId: 'account-9',
        ownerId: null,
      },
      { ...base, territoryId: 'everyone', ownerId: 'owner-7', reason: 'round_robin' },
      { ...base, from: 'new', to: 'engaged', reason: 'first_engagement', automatic: true },
      {
        ...base,
        modelVersion: expect.any(Number),
        fit: 0,
        engagement: 65,
        total: 65,
        previousTotal: 0,
        reason: 'threshold',
        crossed: [30, 50],
      },
      { ...base, from: 'engaged', to: 'mql', reason: 'score_reached_threshold', automatic: true },
      { ...base, from: 'engaged', to: 'mql', automatic: true, score: 65 },
      { ...base, from: 'mql', to: 'engaged', reason: 'not_ready', automatic: false },
      { ...base, from: 'mql', to: 'engaged', automatic: false, score: null },
    ]);
    // Each names the version of the fact it publishes in the lead's history.
    const history = (await api<HistoryBody>(`/v1/leads/${lead.id}/history`)).body.events;
    const factOf: Record<string, string> = {
      'lead.created': 'LeadCreated',
      'lead.assigned': 'LeadAssigned',
      'lead.stage_changed': 'StageChanged',
      'lead.qualified': 'StageChanged',
      'lead.disqualified': 'StageChanged',
      'lead.score_changed': 'ScoreChanged',
    };
    for (const event of events)
      expect(history[(event.data.version as number) - 1].type).toBe(factOf[event.subject]);
  });

  it('publishes nothing for a refused command', async () => {
    const lead = await createLead(api);
    const refused = await api(`/v1/leads/${lead.id}/transitions`, { body: { to: 'closed_won' } });
    expect(refused.status).toBe(409);
    const later = await createLead(api); // a later change, to know the relay got this far
    await leadEventsOf(nc, later.id, 1);
    const events = await leadEventsOf(nc, lead.id, 1);
    expect(events.map((event) => event.subject)).toEqual(['lead.created']);
  });
});
