import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppSet } from '../support/apps';
import { TcpProxy } from '../support/tcp-proxy';
import { e2eRun, ownSubjectPrefix } from '../support/test-env';
import { ImportRow, taggedContactsCsv, uploadImport } from './import.harness';
import { eventually } from '../support/eventually';

const ROWS = 2_000;
const BAD_ROWS = ROWS / 500;

// crm-enrichment reaches PostgreSQL through a proxy that the test cuts while an import runs, as a
// database restart or failover would: the import pauses and then completes with exact counts.
describe('CRM import through a PostgreSQL outage', () => {
  const apps = new AppSet();
  const postgresProxy = new TcpProxy('127.0.0.1', 5432);
  let gatewayUrl: string;
  let db: Client;

  beforeAll(async () => {
    await postgresProxy.start();
    const databaseUrl = new URL(e2eRun().databaseUrl);
    databaseUrl.port = String(postgresProxy.port);
    await apps.start('crm-enrichment', {
      env: {
        ...ownSubjectPrefix('crmoutage'),
        DATABASE_URL: databaseUrl.toString(),
        CRM_IMPORT_BATCH_SIZE: '50',
        CRM_FRESHNESS_INTERVAL_MS: '0',
      },
    });
    gatewayUrl = (await apps.start('gateway', { env: ownSubjectPrefix('crmoutage') })).url;
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
    await postgresProxy.close();
  });

  it('pauses the import while PostgreSQL is unreachable, then completes it exactly, not failed', async () => {
    const tag = randomBytes(4).toString('hex');
    const id = await uploadImport(gatewayUrl, taggedContactsCsv(tag, ROWS));
    const importRow = async (): Promise<ImportRow> =>
      (await db.query(`SELECT * FROM crm.imports WHERE id = $1`, [id])).rows[0];
    await eventually(importRow, (row) => row.processed > 0, { timeoutMs: 30_000 });

    postgresProxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const during = await importRow();
    expect(during.status).toBe('running');
    expect(during.processed).toBeLessThan(ROWS);
    postgresProxy.restore();

    const done = await eventually(importRow, (row) => row.status !== 'running', {
      timeoutMs: 45_000,
    });
    expect(done).toMatchObject({
      status: 'completed',
      processed: ROWS,
      created: ROWS - BAD_ROWS,
      updated: 0,
      unchanged: 0,
      failed: BAD_ROWS,
    });
    expect(done.errors).toHaveLength(BAD_ROWS);
  });
});
