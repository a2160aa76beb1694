import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { metricValue } from '../support/metrics';
import { e2eRun, ownSubjectPrefix } from '../support/test-env';
import { ImportRow, taggedContactsCsv, uploadImport } from './import.harness';
import { eventually } from '../support/eventually';

const ROWS = 3_000;
const BAD_ROWS = ROWS / 500;
/** The lease TTL (10 s) plus one renewal (3 s) plus the poll (1 s), with slack: the bound. */
const TAKEOVER_BOUND_MS = 15_000;

// Two crm-enrichment replicas (REPLICA_ID crm-a, crm-b) on one database: each background job runs
// on one of them, a killed owner's import is finished by the other, a restarted owner resumes.
describe('CRM background jobs across replicas', () => {
  const apps = new AppSet();
  const replicas = new Map<string, RunningApp>();
  let gateway: RunningApp;
  let db: Client;
  let importId: string;
  const tag = randomBytes(4).toString('hex');

  const startReplica = async (id: string) => {
    const app = await apps.start('crm-enrichment', {
      env: {
        ...ownSubjectPrefix('crmjobs'),
        REPLICA_ID: id,
        CRM_IMPORT_BATCH_SIZE: '50',
        CRM_FRESHNESS_INTERVAL_MS: '200',
      },
    });
    replicas.set(id, app);
    return app;
  };
  const importRow = async (): Promise<ImportRow> =>
    (await db.query(`SELECT * FROM crm.imports WHERE id = $1`, [importId])).rows[0];
  const leaseOwner = async (name: string): Promise<string | undefined> =>
    (await db.query(`SELECT owner FROM crm.leases WHERE name = $1`, [name])).rows[0]?.owner;

  beforeAll(async () => {
    await startReplica('crm-a');
    await startReplica('crm-b');
    gateway = await apps.start('gateway', { env: ownSubjectPrefix('crmjobs') });
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  it('runs the freshness job on the replica that holds its lease, and only there', async () => {
    const runs = (app: RunningApp) =>
      metricValue(app, 'leased_job_runs_total', { job: 'crm-freshness' });
    const [a, b] = [replicas.get('crm-a')!, replicas.get('crm-b')!];
    await eventually(
      async () => (await runs(a)) + (await runs(b)),
      (total) => total >= 5,
    );
    const holder = await leaseOwner('crm-freshness');
    expect(['crm-a', 'crm-b']).toContain(holder);
    const other = holder === 'crm-a' ? b : a;
    expect(await runs(replicas.get(holder!)!)).toBeGreaterThanOrEqual(1);
    expect(await runs(other)).toBe(0);
  });

  it('an import whose owner is killed is taken over by the other replica within 15 s', async () => {
    importId = await uploadImport(gateway.url, taggedContactsCsv(tag, ROWS));

    await eventually(importRow, (row) => row.processed > 0, { timeoutMs: 30_000 });
    const owner = (await leaseOwner(`import:${importId}`))!;
    expect(['crm-a', 'crm-b']).toContain(owner);
    await replicas.get(owner)!.stop('SIGKILL');
    const killedAt = Date.now();
    const atKill = await importRow();
    expect(atKill.status).toBe('running');

    const survivor = owner === 'crm-a' ? 'crm-b' : 'crm-a';
    await eventually(
      async () => ({ row: await importRow(), owner: await leaseOwner(`import:${importId}`) }),
      ({ row, owner: now }) => now === survivor && row.processed > atKill.processed,
      { timeoutMs: TAKEOVER_BOUND_MS + 5_000 },
    );
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_BOUND_MS);
  });

  it('a killed owner restarted alone with the same REPLICA_ID resumes its import at once, with exact counts', async () => {
    const lease = `import:${importId}`;
    const owner = (await leaseOwner(lease))!;
    await replicas.get(owner)!.stop('SIGKILL');
    const atKill = await importRow();
    expect(atKill.status).toBe('running');
    // As if it died right after renewing a long lease: only its owner can take it back now.
    await db.query(
      `UPDATE crm.leases SET expires_at = now() + interval '60 seconds' WHERE name = $1`,
      [lease],
    );

    await startReplica(owner);
    const readyAt = Date.now();
    await eventually(importRow, (row) => row.processed > atKill.processed, { timeoutMs: 10_000 });
    // Well under the 10 s lease TTL: it did not wait for any lease to expire.
    expect(Date.now() - readyAt).toBeLessThan(5_000);

    const done = await eventually(importRow, (row) => row.status !== 'running', {
      timeoutMs: 60_000,
    });
    expect(done).toMatchObject({
      status: 'completed',
      total: ROWS,
      processed: ROWS,
      created: ROWS - BAD_ROWS,
      updated: 0,
      unchanged: 0,
      failed: BAD_ROWS,
    });
    expect(done.errors).toHaveLength(BAD_ROWS);
    const contacts = await db.query(
      `SELECT count(*)::int AS n FROM crm.contacts WHERE email LIKE $1`,
      [`jobs${tag}.%`],
    );
    expect(contacts.rows[0].n).toBe(ROWS - BAD_ROWS);
    expect(await leaseOwner(lease)).toBeUndefined();
  });
});
