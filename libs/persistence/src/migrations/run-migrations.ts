import { DataSource, Migration } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { quoteIdent } from './schema-sql';

/**
 * Creates the service's schema and applies its pending migrations, each in its own transaction,
 * under a PostgreSQL advisory lock so that replicas starting together never run them twice.
 * They run on connections of their own without the statement timeout that guards request paths:
 * a backfill over millions of rows is meant to outlast 30 s, not to be cancelled and retried on
 * every start.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  schema: string,
): Promise<Migration[]> {
  const options = dataSource.options as PostgresDataSourceOptions;
  // Two connections: one holds the advisory lock while the other runs the migrations.
  const migrator = new DataSource({
    ...options,
    extra: { ...options.extra, max: 2, statement_timeout: 0 },
  });
  await migrator.initialize();
  const runner = migrator.createQueryRunner();
  await runner.connect();
  const lockKey = `sales-suite:migrations:${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    return await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await runner.release();
    await migrator.destroy();
  }
}
