import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { metricValue } from '../support/metrics';
import { eventually } from '../support/eventually';
import { Api, cloneLead, createLead, database, startJobReplicas } from './lead-funnel.harness';

const LEADS = 2_000;
/** The lease TTL (10 s) plus one renewal (3 s) plus the poll (1 s), with slack: the bound. */
const TAKEOVER_BOUND_MS = 15_000;

interface JobRow {
  status: string;
  total: number;
  processed: number;
}

function model(meetingPoints: number) {
  return {
    fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 10 }],
    engagement: [
      { id: 'meeting', event: 'meeting_booked', points: meetingPoints, halfLifeDays: 3650 },
    ],
    committee: { pointsPerRole: 0, maxPoints: 0 },
    champion: { points: 0 },
    qualification: { mqlThreshold: 50, hysteresis: 10 },
  };
}

// Two lead-funnel replicas (REPLICA_ID lf-a, lf-b): a re-score job runs on one of them, and when
// that one is killed the other takes the job over and finishes it, each lead re-scored once.
describe('re-score jobs across lead-funnel replicas', () => {
  const apps = new AppSet();
  let replicas: Map<string, RunningApp>;
  let api: Api;
  let db: Client;

  const rescored = (app: RunningApp) => metricValue(app, 'lead_funnel_leads_rescored_total');
  const job = async (id: string): Promise<JobRow> =>
    (await db.query(`SELECT * FROM funnel.rescore_jobs WHERE id = $1`, [id])).rows[0];
  const leaseOwner = async (name: string): Promise<string | undefined> =>
    (await db.query(`SELECT owner FROM funnel.leases WHERE name = $1`, [name])).rows[0]?.owner;
  const saveModel = async (meetingPoints: number) => {
    const saved = await api<{ version: number; rescoreJobId: string }>('/v1/scoring/model', {
      method: 'PUT',
      body: model(meetingPoints),
    });
    expect(saved.status).toBe(200);
    return saved.body;
  };
  /** Every lead has exactly one ScoreChanged under this model version. */
  const expectOneScoreChangePerLead = async (version: number) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS leads, count(*) FILTER (WHERE n <> 1)::int AS wrong
       FROM (SELECT (SELECT count(*) FROM funnel.lead_events e
                     WHERE e.lead_id = l.id AND e.type = 'ScoreChanged'
                       AND (e.data->>'modelVersion')::int = $1) AS n
             FROM funnel.leads l) counts`,
      [version],
    );
    expect(rows[0].leads).toBeGreaterThan(LEADS);
    expect(rows[0].wrong).toBe(0);
  };

  beforeAll(async () => {
    ({ replicas, api } = await startJobReplicas(apps, ['lf-a', 'lf-b'], 20));
    db = await database();
    const template = await createLead(api);
    await cloneLead(db, template.id, LEADS);
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  it('runs a job on one replica only, each lead re-scored once', async () => {
    const [a, b] = [replicas.get('lf-a')!, replicas.get('lf-b')!];
    const before = [await rescored(a), await rescored(b)];
    const saved = await saveModel(31);
    const done = await eventually(
      () => job(saved.rescoreJobId),
      (row) => row.status !== 'running',
      { timeoutMs: 30_000, description: 're-score job' },
    );
    expect(done.status).toBe('completed');
    expect(done.processed).toBe(done.total);
    const counted = [(await rescored(a)) - before[0], (await rescored(b)) - before[1]].sort();
    expect(counted).toEqual([0, done.total]);
    await expectOneScoreChangePerLead(saved.version);
  });

  it('a job whose owner is killed is taken over within 15 s and finished exactly', async () => {
    const saved = await saveModel(32);
    const lease = `rescore:${saved.rescoreJobId}`;
    const atStart = await eventually(
      () => job(saved.rescoreJobId),
      (row) => row.processed > 0,
      { timeoutMs: 20_000, description: 'first re-scored batch' },
    );
    expect(atStart.status).toBe('running');
    const owner = (await leaseOwner(lease))!;
    expect(['lf-a', 'lf-b']).toContain(owner);
    await replicas.get(owner)!.stop('SIGKILL');
    const killedAt = Date.now();
    const atKill = await job(saved.rescoreJobId);

    const survivor = owner === 'lf-a' ? 'lf-b' : 'lf-a';
    await eventually(
      async () =>
        (await leaseOwner(lease)) === survivor &&
        (await job(saved.rescoreJobId)).processed > atKill.processed,
      { timeoutMs: TAKEOVER_BOUND_MS + 5_000, description: 'takeover' },
    );
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_BOUND_MS);

    const done = await eventually(
      () => job(saved.rescoreJobId),
      (row) => row.status !== 'running',
      { timeoutMs: 30_000, description: 're-score job' },
    );
    expect(done.status).toBe('completed');
    expect(done.processed).toBe(done.total);
    await expectOneScoreChangePerLead(saved.version);
  });
});
