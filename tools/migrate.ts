// Applies every service's migrations, each in its own schema, then exits. Used by the Helm
// pre-install/pre-upgrade Job and the compose `migrate` service; `npm start` lets the apps do it.
import { exitOnInvalidEnv } from '@sales-suite/config';
import { BaseEnv } from '@sales-suite/config';
import { dataSourceOptions, runMigrationsLocked, ServiceDatabase } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';
import { CRM_DATABASE } from '../apps/crm-enrichment/src/database/crm-enrichment.database';
import { EMAIL_DATABASE } from '../apps/email-tracking/src/database/email-tracking.database';
import { GATEWAY_DATABASE } from '../apps/gateway/src/database/gateway.database';
import { GLOSSARY_DATABASE } from '../apps/glossary/src/database/glossary.database';
import { FUNNEL_DATABASE } from '../apps/lead-funnel/src/database/lead-funnel.database';

class MigrateEnv extends BaseEnv {
  override HTTP_PORT = 0;
}

export const SERVICE_DATABASES: Record<string, ServiceDatabase> = {
  gateway: GATEWAY_DATABASE,
  glossary: GLOSSARY_DATABASE,
  'crm-enrichment': CRM_DATABASE,
  'lead-funnel': FUNNEL_DATABASE,
  'email-tracking': EMAIL_DATABASE,
};

async function main(): Promise<void> {
  const env = exitOnInvalidEnv(MigrateEnv);
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !(name in SERVICE_DATABASES));
  if (unknown.length > 0) throw new Error(`Unknown service(s): ${unknown.join(', ')}`);
  for (const [service, database] of Object.entries(SERVICE_DATABASES)) {
    if (only.length > 0 && !only.includes(service)) continue;
    const dataSource = await new DataSource(
      dataSourceOptions(env.DATABASE_URL, database, `${service}-migrate`),
    ).initialize();
    try {
      const applied = await runMigrationsLocked(dataSource, database.schema);
      process.stdout.write(
        `${service} (${database.schema}): ${applied.length} migration(s) applied\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: Error) => {
  process.stderr.write(`Migration failed: ${error.message}\n`);
  process.exit(1);
});
