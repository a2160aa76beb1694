import { DataSource, Migration } from 'typeorm';
import { quoteIdent } from './schema-sql';

/**
 * Creates the service's schema and applies its pending migrations, each in its own transaction,
 * under a PostgreSQL advisory lock so that replicas starting together never run them twice.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  schema: string,
): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `sales-suite:migrations:${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await runner.release();
  }
}
