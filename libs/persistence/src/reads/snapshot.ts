import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs reads in one read-only REPEATABLE READ transaction, so figures computed by several
 * statements come from the same moment: a recorder committing between two of them (an open
 * counted in one total but not yet in another) cannot show. The statements share one connection;
 * they may still be issued together, the driver queues them.
 */
export function readSnapshot<T>(
  dataSource: DataSource,
  reads: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    return reads(manager);
  });
}
