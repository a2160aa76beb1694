import { AppSet, RunningApp } from '../support/apps';
import { metricValue } from '../support/metrics';
import { withDatabase } from './support';
import { eventually } from '../support/eventually';

/** The lease TTL (10 s) plus one renewal (3 s), with slack: the bound. */
const TAKEOVER_BOUND_MS = 15_000;
const JOB = 'open-details-retention';

// Two email-tracking replicas (REPLICA_ID em-a, em-b) purging every 200 ms: only the lease holder
// purges, and when it is killed the other one takes the sweep over.
describe('open-details retention across email-tracking replicas', () => {
  const apps = new AppSet();
  const replicas = new Map<string, RunningApp>();

  const runs = (app: RunningApp) => metricValue(app, 'leased_job_runs_total', { job: JOB });
  const holder = () =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT owner FROM email.leases WHERE name = $1 AND expires_at >= now()`,
        [JOB],
      );
      return rows[0]?.owner as string | undefined;
    });

  beforeAll(async () => {
    for (const id of ['em-a', 'em-b'])
      replicas.set(
        id,
        await apps.start('email-tracking', {
          env: { REPLICA_ID: id, OPEN_DETAILS_PURGE_INTERVAL_MS: '200' },
        }),
      );
  });
  afterAll(() => apps.stopAll());

  it('runs on the lease holder only, and on the other replica within 15 s of the holder’s death', async () => {
    const [a, b] = [replicas.get('em-a')!, replicas.get('em-b')!];
    await eventually(
      async () => (await runs(a)) + (await runs(b)),
      (total) => total >= 5,
    );
    const owner = (await holder())!;
    expect(['em-a', 'em-b']).toContain(owner);
    const survivor = owner === 'em-a' ? 'em-b' : 'em-a';
    expect(await runs(replicas.get(owner)!)).toBeGreaterThanOrEqual(5);
    expect(await runs(replicas.get(survivor)!)).toBe(0);

    await replicas.get(owner)!.stop('SIGKILL');
    const killedAt = Date.now();
    await eventually(
      () => runs(replicas.get(survivor)!),
      (count) => count > 0,
      { timeoutMs: TAKEOVER_BOUND_MS + 5_000 },
    );
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_BOUND_MS);
    expect(await holder()).toBe(survivor);
  });
});
