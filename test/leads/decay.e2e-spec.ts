import { connect, NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { AppSet } from '../support/apps';
import { eventually } from '../support/eventually';
import { e2eRun } from '../support/test-env';
import {
  Api,
  createLead,
  database,
  HistoryBody,
  LeadBody,
  leadEventsOf,
  putModel,
  startLeadFunnel,
} from './lead-funnel.harness';

/** Meetings 60 (30-day half-life), forms 20 (ten-year half-life): MQL at 50, back below 40. */
const MODEL = {
  fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 20 }],
  engagement: [
    { id: 'meeting', event: 'meeting_booked', points: 60, halfLifeDays: 30 },
    { id: 'form', event: 'form_submitted', points: 20, halfLifeDays: 3650 },
  ],
  committee: { pointsPerRole: 0, maxPoints: 0 },
  champion: { points: 0 },
  qualification: { mqlThreshold: 50, hysteresis: 10 },
};
const DAY_MS = 86_400_000;

describe('scores decay everywhere: list, minScore, sorting and automatic demotion', () => {
  let apps: AppSet;
  let api: Api;
  let modelVersion: number;
  let nc: NatsConnection;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel({
      LEAD_DECAY_SWEEP_MS: '300',
      LEAD_SCORE_CEILING_SWEEP_MS: '300',
    }));
    modelVersion = (await putModel(api, MODEL)).version;
    nc = await connect({ servers: e2eRun().natsUrl });
  });
  afterAll(async () => {
    await nc?.drain();
    await apps.stopAll();
  });

  /**
   * A lead that booked a meeting `daysAgo`, became an MQL then and has heard nothing since:
   * exactly the events the service appended at the time, then the read models rebuilt from them.
   */
  async function seedMql(daysAgo: number): Promise<string> {
    const id = randomUUID();
    const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
    const cause = { score: 60, threshold: 50, hysteresis: 10, modelVersion };
    const events = [
      [
        'LeadCreated',
        { source: 'inbound', contactId: null, accountId: null, ownerId: null, amount: null },
      ],
      ['EngagementRecorded', { type: 'meeting_booked', contactId: null, sourceId: null }],
      [
        'StageChanged',
        { from: 'new', to: 'engaged', reason: 'first_engagement', automatic: true, cause: null },
      ],
      [
        'ScoreChanged',
        {
          modelVersion,
          fit: 0,
          engagement: 60,
          total: 60,
          decay: [{ halfLifeDays: 30, points: 60 }],
          announcement: { reason: 'threshold', crossed: [50] },
        },
      ],
      [
        'StageChanged',
        { from: 'engaged', to: 'mql', reason: 'score_reached_threshold', automatic: true, cause },
      ],
    ] as const;
    const db = await database();
    try {
      for (const [index, [type, data]] of events.entries())
        await db.query(
          `INSERT INTO funnel.lead_events (lead_id, version, type, data, occurred_at, actor)
           VALUES ($1, $2, $3, $4, $5, 'e2e-seed')`,
          [id, index + 1, type, JSON.stringify(data), at],
        );
    } finally {
      await db.end();
    }
    const rebuilt = await api('/v1/funnel/projections/rebuild', { method: 'POST' });
    expect(rebuilt.status).toBe(200);
    return id;
  }

  /** The items of every page of a listing, following its cursor. */
  async function everyPage(path: string): Promise<LeadBody[]> {
    const items: LeadBody[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: LeadBody[]; nextCursor: string | null } } =
        await api(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  async function engage(id: string, type: string): Promise<LeadBody> {
    const response = await api<LeadBody>(`/v1/leads/${id}/engagements`, { body: { type } });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('lists, filters and sorts a lead that went cold by its decayed score, and demotes it without any new event', async () => {
    const hot = await createLead(api);
    expect((await engage(hot.id, 'meeting_booked')).stage).toBe('mql');
    const warm = await createLead(api);
    expect((await engage(warm.id, 'form_submitted')).totalScore).toBe(20);
    const cold = await seedMql(100);
    const ours = [hot.id, warm.id, cold];

    // 60 × 0.5^(100/30) = 5.95 now, although 60 was stored a hundred days ago.
    const live = await api<{ total: number }>(`/v1/leads/${cold}/score`);
    expect(live.body.total).toBeCloseTo(5.95, 1);
    const one = await api<LeadBody>(`/v1/leads/${cold}`);
    expect(Math.abs(one.body.totalScore - live.body.total)).toBeLessThanOrEqual(0.02);

    // Every page: other files of the run leave their leads in this database too.
    const byScore = await everyPage('/v1/leads?sort=score&limit=100');
    const listed = byScore.filter((lead) => ours.includes(lead.id));
    expect(listed.map((lead) => lead.id)).toEqual([hot.id, warm.id, cold]);
    expect(Math.abs(listed[2].totalScore - live.body.total)).toBeLessThanOrEqual(0.02);
    const scores = byScore.map((lead) => lead.totalScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const kept = (await everyPage('/v1/leads?minScore=10&limit=100')).map((lead) => lead.id);
    expect(kept).toEqual(expect.arrayContaining([hot.id, warm.id]));
    expect(kept).not.toContain(cold);

    // The sweep demotes it (5.95 < 50 − 10) once, and leaves the fresh MQL alone.
    const demoted = await eventually(
      async () => (await api<LeadBody>(`/v1/leads/${cold}`)).body,
      (lead) => lead.stage === 'engaged',
      { timeoutMs: 15_000, description: 'the cold MQL demoted' },
    );
    expect(demoted.totalScore).toBeCloseTo(5.95, 1);
    const history = await api<HistoryBody>(`/v1/leads/${cold}/history`);
    const appended = history.body.events.slice(5);
    expect(appended.map((event) => [event.type, event.actor])).toEqual([
      ['ScoreChanged', 'decay-sweep'],
      ['StageChanged', 'decay-sweep'],
    ]);
    expect(appended[1].data).toMatchObject({
      from: 'mql',
      to: 'engaged',
      reason: 'score_fell_below_band',
      automatic: true,
      cause: { threshold: 50, hysteresis: 10, modelVersion },
    });
    expect((await api<LeadBody>(`/v1/leads/${hot.id}`)).body.stage).toBe('mql');

    // Decay alone took it across 50 (last published: 60): published once, like the demotion.
    const published = await leadEventsOf(nc, cold, 3);
    expect(published.map((event) => [event.subject, event.data.version])).toEqual([
      ['lead.score_changed', 6],
      ['lead.stage_changed', 7],
      ['lead.disqualified', 7],
    ]);
    expect(published[0].data).toMatchObject({
      previousTotal: 60,
      reason: 'threshold',
      crossed: [50],
    });
    expect(published[0].data.total).toBeCloseTo(5.95, 1);
  });

  it('pages through the score order at one moment, and refuses a cursor of another order', async () => {
    const first = await api<{ items: LeadBody[]; nextCursor: string }>(
      '/v1/leads?sort=score&limit=1',
    );
    expect(first.status).toBe(200);
    const second = await api<{ items: LeadBody[] }>(
      `/v1/leads?sort=score&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body).toMatchObject({ items: [expect.anything()] });
    expect(second.body.items[0].totalScore).toBeLessThanOrEqual(first.body.items[0].totalScore);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    const crossed = await api(
      `/v1/leads?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(crossed.status).toBe(400);
    expect(crossed.body).toMatchObject({ errors: [{ field: 'cursor' }] });
    const badSort = await api('/v1/leads?sort=hotness');
    expect(badSort.status).toBe(400);
    expect(badSort.body).toMatchObject({ errors: [expect.objectContaining({ field: 'sort' })] });
  });

  it('lowers a score ceiling towards what decay still lets the total reach, never below it, and a new score resets it', async () => {
    // 60 × 0.5^(5/30) = 53.45 now: still an MQL, 6.55 from the announced 60 (nothing to settle).
    const lead = await seedMql(5);
    const ceilingOf = async (id: string) => {
      const db = await database();
      try {
        const { rows } = await db.query(
          `SELECT score_ceiling AS ceiling,
                  total_score + funnel.score_decay(decay_half_lives, decay_points, scored_at, now()) AS live
             FROM funnel.leads WHERE id = $1`,
          [id],
        );
        return rows[0] as { ceiling: number; live: number };
      } finally {
        await db.end();
      }
    };
    // The rebuild wrote it from the stored total; the sweep lowers it to the most the total can
    // reach from an hour ago on (60 × 0.5^((5 d − 1 h)/30 d) = 53.51), within half a point.
    const lowered = await eventually(
      () => ceilingOf(lead),
      (row) => row.ceiling < 60,
      { timeoutMs: 15_000, description: 'the ceiling lowered by the sweep' },
    );
    expect(lowered.ceiling).toBeCloseTo(60 * 0.5 ** ((5 - 1 / 24) / 30), 2);
    expect(lowered.ceiling).toBeGreaterThan(lowered.live);
    expect(lowered.ceiling - lowered.live).toBeLessThan(0.5);
    expect((await api<LeadBody>(`/v1/leads/${lead}`)).body.stage).toBe('mql');

    // Every lead of the run: the ceiling bounds the live total, so the list by score stays exact.
    const db = await database();
    try {
      const { rows } = await db.query(
        `SELECT count(*)::int AS above FROM funnel.leads
          WHERE total_score + funnel.score_decay(decay_half_lives, decay_points, scored_at, now())
                > score_ceiling + 1e-9`,
      );
      expect(rows[0].above).toBe(0);
    } finally {
      await db.end();
    }
    const scores = (await everyPage('/v1/leads?sort=score&limit=100')).map((l) => l.totalScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // A new score is written with the ceiling of its stored total (73.45: nothing decayed yet).
    const rescored = await engage(lead, 'form_submitted');
    const reset = await ceilingOf(lead);
    expect(reset.ceiling).toBeCloseTo(rescored.totalScore, 1);
    expect(reset.ceiling).toBeGreaterThanOrEqual(reset.live);
  });
});
