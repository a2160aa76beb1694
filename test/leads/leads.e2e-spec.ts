import { AppSet } from '../support/apps';
import {
  Api,
  createLead,
  database,
  HistoryBody,
  LeadBody,
  putModel,
  startLeadFunnel,
} from './lead-funnel.harness';

/** Meetings 25 (30-day half-life), 5 per engaged committee role, champion 10. */
const MODEL = {
  fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 20 }],
  engagement: [{ id: 'meeting', event: 'meeting_booked', points: 25, halfLifeDays: 30 }],
  committee: { pointsPerRole: 5, maxPoints: 20 },
  champion: { points: 10 },
  qualification: { mqlThreshold: 1000, hysteresis: 0 },
};

describe('leads: event-sourced streams through the gateway', () => {
  let apps: AppSet;
  let api: Api;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel());
    await putModel(api, MODEL);
  });
  afterAll(() => apps.stopAll());

  it('creates a lead (201 + Location) whose history starts with LeadCreated', async () => {
    const response = await api<LeadBody>('/v1/leads', {
      body: { source: 'referral', contactId: 'c-e2e-1', accountId: 'a-1', amount: 12000.5 },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/v1/leads/${response.body.id}`);
    expect(response.body).toMatchObject({
      source: 'referral',
      contactId: 'c-e2e-1',
      accountId: 'a-1',
      amount: 12000.5,
      stage: 'new',
      ownerId: null,
      totalScore: 0,
      scoreModelVersion: expect.any(Number),
      committee: [],
    });
    const history = await api<HistoryBody>(`/v1/leads/${response.body.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.events.map((event) => [event.type, event.version])).toEqual([
      ['LeadCreated', 1],
      ['ScoreChanged', 2],
    ]);
    expect(history.body.events[0]).toMatchObject({
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: expect.stringContaining('admin'),
      data: { source: 'referral', contactId: 'c-e2e-1', amount: 12000.5 },
    });
    expect(history.body.version).toBe(response.body.version);
  });

  it('refuses bad input with 400 naming each field, and unknown leads with 404', async () => {
    const bad = await api('/v1/leads', { body: { source: 'billboard', amount: -1, color: 'red' } });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'amount',
      'color',
      'source',
    ]);
    const missing = await api('/v1/leads/6f1c2a8e-1111-4222-8333-944455556666');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'LEAD_NOT_FOUND' });
    expect((await api('/v1/leads/not-a-uuid')).status).toBe(400);
  });

  it('moves a lead along allowed transitions and refuses the others with 409 naming the allowed ones', async () => {
    const lead = await createLead(api);
    const path = (to: string, extra: Record<string, unknown> = {}) =>
      api<LeadBody>(`/v1/leads/${lead.id}/transitions`, { body: { to, ...extra } });

    const skip = await path('opportunity');
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({
      code: 'LEAD_TRANSITION_NOT_ALLOWED',
      from: 'new',
      to: 'opportunity',
      allowed: ['engaged', 'closed_lost'],
    });
    expect(String(skip.body.detail)).toContain('allowed from new: engaged, closed_lost');

    const unknown = await path('won');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ field: 'to' }] });

    const noReason = await path('closed_lost');
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ errors: [{ field: 'reason' }] });
    const badReason = await path('closed_lost', { reason: 'felt_like_it' });
    expect(badReason.status).toBe(400);

    const before = await api<HistoryBody>(`/v1/leads/${lead.id}/history`);
    expect(before.body.version).toBe(lead.version); // nothing was appended by the refusals

    for (const to of ['engaged', 'mql', 'sql', 'opportunity']) {
      const moved = await path(to);
      expect(moved.status).toBe(201);
      expect(moved.body.stage).toBe(to);
    }
    const lost = await path('closed_lost', { reason: 'lost_to_competitor' });
    expect(lost.body).toMatchObject({ stage: 'closed_lost', lostReason: 'lost_to_competitor' });
    const recycled = await path('recycled');
    expect(recycled.body).toMatchObject({ stage: 'recycled', lostReason: null });

    const history = await api<HistoryBody>(`/v1/leads/${lead.id}/history`);
    const moves = history.body.events
      .filter((event) => event.type === 'StageChanged')
      .map((event) => `${event.data.from}→${event.data.to}`);
    expect(moves).toEqual([
      'new→engaged',
      'engaged→mql',
      'mql→sql',
      'sql→opportunity',
      'opportunity→closed_lost',
      'closed_lost→recycled',
    ]);
    expect(history.body.events.map((event) => event.version)).toEqual(
      history.body.events.map((_, index) => index + 1),
    );
  });

  it('lets exactly one of several concurrent writers on one version win; the others get 409', async () => {
    const lead = await createLead(api);
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () =>
        api(`/v1/leads/${lead.id}/transitions`, {
          body: { to: 'engaged', expectedVersion: lead.version },
        }),
      ),
    );
    const statuses = attempts.map((attempt) => attempt.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of attempts.filter((attempt) => attempt.status === 409))
      expect(refused.body).toMatchObject({ code: 'LEAD_VERSION_CONFLICT' });
    const history = await api<HistoryBody>(`/v1/leads/${lead.id}/history`);
    expect(history.body.events.filter((event) => event.type === 'StageChanged')).toHaveLength(1);

    const stale = await api(`/v1/leads/${lead.id}/transitions`, {
      body: { to: 'mql', expectedVersion: lead.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'LEAD_VERSION_CONFLICT',
      expectedVersion: lead.version,
      currentVersion: lead.version + 1,
    });
  });

  it('serves the funnel definition as data: a PUT changes what is allowed, bad definitions are 400', async () => {
    const current = await api<{
      version: number;
      transitions: { from: string; to: string[] }[];
      lostReasons: string[];
    }>('/v1/funnel/definition');
    expect(current.status).toBe(200);
    expect(current.body.transitions).toContainEqual({
      from: 'new',
      to: ['engaged', 'closed_lost'],
    });

    const invalid = await api('/v1/funnel/definition', {
      method: 'PUT',
      body: {
        transitions: [
          { from: 'new', to: ['limbo'] },
          { from: 'sql', to: ['sql'] },
        ],
        lostReasons: [],
      },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'lostReasons',
      'transitions.0.to',
    ]);
    const selfLoop = await api('/v1/funnel/definition', {
      method: 'PUT',
      body: { transitions: [{ from: 'sql', to: ['sql'] }], lostReasons: ['spam'] },
    });
    expect(selfLoop.status).toBe(400);
    expect(selfLoop.body).toMatchObject({ errors: [{ field: 'transitions.0.to' }] });

    const shortcut = {
      transitions: [
        ...current.body.transitions.filter((entry) => entry.from !== 'new'),
        { from: 'new', to: ['engaged', 'sql', 'closed_lost'] },
      ],
      lostReasons: [...current.body.lostReasons, 'spam'],
    };
    const saved = await api<{ version: number }>('/v1/funnel/definition', {
      method: 'PUT',
      body: shortcut,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.body.version + 1);
    try {
      const lead = await createLead(api);
      const jump = await api<LeadBody>(`/v1/leads/${lead.id}/transitions`, { body: { to: 'sql' } });
      expect(jump.status).toBe(201);
      const spam = await createLead(api);
      const lost = await api<LeadBody>(`/v1/leads/${spam.id}/transitions`, {
        body: { to: 'closed_lost', reason: 'spam' },
      });
      expect(lost.body.lostReason).toBe('spam');
    } finally {
      const restored = await api('/v1/funnel/definition', {
        method: 'PUT',
        body: { transitions: current.body.transitions, lostReasons: current.body.lostReasons },
      });
      expect(restored.status).toBe(200);
    }
  });

  it('records committee members and the champion, and explains the score', async () => {
    const lead = await createLead(api, { source: 'event', contactId: 'c-dm' });
    const added = await api<LeadBody>(`/v1/leads/${lead.id}/committee`, {
      body: { contactId: 'c-champ', role: 'technical_buyer', champion: true },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      committee: [{ contactId: 'c-champ', role: 'technical_buyer' }],
      championContactId: 'c-champ',
    });
    const at = new Date().toISOString();
    const meeting = await api<LeadBody>(`/v1/leads/${lead.id}/engagements`, {
      body: { type: 'meeting_booked', contactId: 'c-champ', occurredAt: at },
    });
    expect(meeting.status).toBe(201);
    const score = await api<{
      contributions: { kind: string; rule: string; points: number; decayedPoints: number }[];
      total: number;
      fit: number;
    }>(`/v1/leads/${lead.id}/score?at=${encodeURIComponent(at)}`);
    expect(score.status).toBe(200);
    expect(
      score.body.contributions.map((c) => [c.kind, c.rule, c.points, c.decayedPoints]),
    ).toEqual([
      ['engagement', 'meeting', 25, 25],
      ['committee', 'committee-coverage', 5, 5],
      ['champion', 'champion', 10, 10],
    ]);
    expect(score.body).toMatchObject({ fit: 0, total: 40 });
    const sum = score.body.contributions.reduce((total, c) => total + c.decayedPoints, 0);
    expect(score.body.total).toBeCloseTo(sum, 2);
    const badAt = await api(`/v1/leads/${lead.id}/score?at=yesterday`);
    expect(badAt.status).toBe(400);
  });

  it('lists leads with filters and a stable cursor', async () => {
    const owner = `owner-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await createLead(api, { source: 'partner', ownerId: owner })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: LeadBody[]; nextCursor: string | null } } = await api(
        `/v1/leads?ownerId=${owner}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((lead) => lead.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await api('/v1/leads?stage=nowhere')).status).toBe(400);
  });

  it('rebuilds the read models from the events into identical rows', async () => {
    const db = await database();
    try {
      const snapshot = async () => ({
        leads: (await db.query('SELECT * FROM funnel.leads ORDER BY id')).rows,
        visits: (await db.query('SELECT * FROM funnel.lead_stage_visits ORDER BY lead_id, seq'))
          .rows,
      });
      const before = await snapshot();
      expect(before.leads.length).toBeGreaterThan(5);
      // Damage the read model: the rebuild must not depend on it.
      await db.query(`UPDATE funnel.leads SET stage = 'sql', total_score = 999`);
      await db.query(`DELETE FROM funnel.lead_stage_visits WHERE seq > 0`);
      const rebuilt = await api<{ leads: number; events: number }>(
        '/v1/funnel/projections/rebuild',
        {
          method: 'POST',
        },
      );
      expect(rebuilt.status).toBe(200);
      expect(rebuilt.body.leads).toBe(before.leads.length);
      const after = await snapshot();
      expect(after).toEqual(before);
    } finally {
      await db.end();
    }
  });
});
