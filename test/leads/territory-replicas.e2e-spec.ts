import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import {
  Api,
  cloneLead,
  createLead,
  database,
  EventPublisher,
  startJobReplicas,
} from './lead-funnel.harness';

const LEADS = 1_500;
/** The lease TTL (10 s) plus one renewal (3 s) plus the poll (1 s), with slack. */
const TAKEOVER_BOUND_MS = 15_000;

interface JobBody {
  id: string;
  territoriesVersion: number;
  status: string;
  total: number;
  processed: number;
  reassigned: number;
  progress: number;
}

/** One territory for every lead (an empty rule matches all), its owners in turn. */
const territories = (owners: string[]) => ({
  territories: [{ id: 'dach', name: 'DACH', rules: [{}], owners }],
});

// Two lead-funnel replicas (REPLICA_ID tf-a, tf-b): a territory reassignment job runs on one of
// them, and when that one is killed mid-job the other resumes it after the last committed batch.
describe('territory reassignment jobs across lead-funnel replicas', () => {
  const apps = new AppSet();
  let replicas: Map<string, RunningApp>;
  let api: Api;
  let db: Client;
  /** The leads this file made (the run's database holds the other files' leads too). */
  let ours: string[];

  const job = async (id: string) => (await api<JobBody>(`/v1/territories/jobs/${id}`)).body;
  const leaseOwner = async (name: string): Promise<string | undefined> =>
    (await db.query(`SELECT owner FROM funnel.leases WHERE name = $1`, [name])).rows[0]?.owner;
  const putTerritories = async (owners: string[]) => {
    const saved = await api<{ version: number; reassignJobId: string }>('/v1/territories', {
      method: 'PUT',
      body: territories(owners),
    });
    expect(saved.status).toBe(200);
    return saved.body;
  };
  /** Each of our leads is owned by one of `owners`, through exactly one territory_change to them. */
  const expectEachLeadMovedOnce = async (owners: string[]) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS leads,
              count(*) FILTER (WHERE NOT owner_id = ANY($1) OR n <> 1)::int AS wrong
       FROM (SELECT l.owner_id,
                    (SELECT count(*) FROM funnel.lead_events e
                     WHERE e.lead_id = l.id AND e.type = 'LeadAssigned'
                       AND e.data->>'reason' = 'territory_change'
                       AND e.data->>'ownerId' = ANY($1)) AS n
             FROM funnel.leads l WHERE l.id = ANY($2)) counts`,
      [owners, ours],
    );
    expect(rows[0].leads).toBe(LEADS + 1);
    expect(rows[0].wrong).toBe(0);
  };

  beforeAll(async () => {
    ({ replicas, api } = await startJobReplicas(apps, ['tf-a', 'tf-b'], 10));
    db = await database();
    const first = await putTerritories(['ana']);
    await eventually(
      () => job(first.reassignJobId),
      (body) => body.status !== 'running',
      { timeoutMs: 30_000, description: 'first territory job' },
    );
    // A contact with known fit (territories match on it), then many leads at once, as copies of
    // one created through the API for it (its events, visits, row).
    const contactId = `c-${randomUUID()}`;
    const events = await EventPublisher.connect();
    await events.publishContactEnriched(contactId);
    await events.close();
    const template = await eventually(
      () => createLead(api, { source: 'inbound', contactId }),
      (created) => created.ownerId === 'ana',
      { description: 'a lead in the territory' },
    );
    const copies = await cloneLead(db, template.id, LEADS);
    ours = [template.id, ...copies];
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  it('answers a job id at once and reports progress until every open lead is reassigned', async () => {
    const saved = await putTerritories(['ben']);
    const started = await job(saved.reassignJobId);
    expect(started).toMatchObject({ territoriesVersion: saved.version });
    expect(started.total).toBeGreaterThan(LEADS);
    const done = await eventually(
      () => job(saved.reassignJobId),
      (body) => body.status !== 'running',
      { timeoutMs: 60_000, description: 'territory job' },
    );
    expect(done).toMatchObject({ status: 'completed', processed: done.total, progress: 1 });
    expect(done.reassigned).toBeGreaterThanOrEqual(ours.length);
    await expectEachLeadMovedOnce(['ben']);
  });

  it('answers 404 for an unknown job and 400 for an id that is not a UUID', async () => {
    const unknown = await api('/v1/territories/jobs/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const malformed = await api('/v1/territories/jobs/nope');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [{ field: 'id' }] });
  });

  it('a newer territories version supersedes a running job, its own job finishing the work', async () => {
    const older = await putTerritories(['dan']);
    const newer = await putTerritories(['eve']);
    const [olderDone, newerDone] = await Promise.all(
      [older, newer].map((saved) =>
        eventually(
          () => job(saved.reassignJobId),
          (body) => body.status !== 'running',
          { timeoutMs: 60_000, description: 'territory job' },
        ),
      ),
    );
    expect(olderDone.status).toBe('superseded');
    expect(olderDone.processed).toBeLessThan(olderDone.total);
    expect(newerDone).toMatchObject({ status: 'completed', processed: newerDone.total });
    await expectEachLeadMovedOnce(['eve']);
  });

  it('a job whose owner is killed is resumed by the other replica and finished exactly', async () => {
    const saved = await putTerritories(['cara']);
    const lease = `territories:${saved.reassignJobId}`;
    const atStart = await eventually(
      () => job(saved.reassignJobId),
      (body) => body.processed > 0,
      { timeoutMs: 20_000, description: 'first reassigned batch' },
    );
    expect(atStart.status).toBe('running');
    const owner = (await leaseOwner(lease))!;
    expect(['tf-a', 'tf-b']).toContain(owner);
    await replicas.get(owner)!.stop('SIGKILL');
    const killedAt = Date.now();
    const atKill = await job(saved.reassignJobId);
    expect(atKill.status).toBe('running');

    const survivor = owner === 'tf-a' ? 'tf-b' : 'tf-a';
    await eventually(
      async () =>
        (await leaseOwner(lease)) === survivor &&
        (await job(saved.reassignJobId)).processed > atKill.processed,
      { timeoutMs: TAKEOVER_BOUND_MS + 5_000, description: 'takeover' },
    );
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_BOUND_MS);

    const done = await eventually(
      () => job(saved.reassignJobId),
      (body) => body.status !== 'running',
      { timeoutMs: 60_000, description: 'territory job' },
    );
    expect(done).toMatchObject({ status: 'completed', processed: done.total });
    expect(done.reassigned).toBeGreaterThanOrEqual(ours.length);
    await expectEachLeadMovedOnce(['cara']);
  });
});
