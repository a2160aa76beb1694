import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { E2E_ENV_VAR, E2eRun, natsServerUrl, postgresServerUrl } from './test-env';

/** One database and one NATS subject prefix per run, so concurrent runs never meet. */
export default async function globalSetup(): Promise<void> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const adminUrl = postgresServerUrl();
  const databaseName = `sales_suite_e2e_${id}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const run: E2eRun = {
    databaseUrl: databaseUrl.toString(),
    databaseName,
    adminUrl,
    natsUrl: natsServerUrl(),
    subjectPrefix: `e2e${id}.`,
    adminKey: `ssk_e2e_admin_${randomBytes(24).toString('base64url')}`,
  };
  process.env[E2E_ENV_VAR] = JSON.stringify(run);
}
