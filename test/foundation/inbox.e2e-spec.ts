import {
  createOutboxAndInboxSql,
  InboxService,
  PersistenceOptions,
  quoteIdent,
} from '@sales-suite/persistence';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { e2eRun } from '../support/test-env';

// The inbox claim against the real PostgreSQL, on a scratch schema of its own.
describe('InboxService (idempotent consumers)', () => {
  const schema = `inbox_${randomBytes(4).toString('hex')}`;
  const dataSource = new DataSource({ type: 'postgres', url: e2eRun().databaseUrl });
  const inbox = new InboxService({ database: { schema } } as PersistenceOptions);

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const statement of createOutboxAndInboxSql(schema)) await dataSource.query(statement);
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await dataSource.destroy();
  });

  const claimBatch = (consumer: string, ids: string[]) =>
    dataSource.transaction((manager) => inbox.claimBatch(manager, consumer, ids));

  it('claims an id once: a repeat within a batch and in a later batch is skipped', async () => {
    expect(await claimBatch('opens', ['a', 'b', 'a', 'c'])).toEqual([true, true, false, true]);
    expect(await claimBatch('opens', ['c', 'd', 'b', 'd', 'e'])).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(await claimBatch('opens', [])).toEqual([]);
    const rows: { message_id: string }[] = await dataSource.query(
      `SELECT message_id FROM ${quoteIdent(schema)}.inbox WHERE consumer = 'opens' ORDER BY 1`,
    );
    expect(rows.map((row) => row.message_id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps each consumer’s claims apart, and claims one id the same way', async () => {
    expect(await claimBatch('fit', ['a', 'z'])).toEqual([true, true]);
    await dataSource.transaction(async (manager) => {
      expect(await inbox.claim(manager, 'fit', 'a')).toBe(false);
      expect(await inbox.claim(manager, 'fit', 'y')).toBe(true);
      expect(await inbox.claim(manager, 'fit', 'y')).toBe(false);
    });
  });

  it('releases the claims of a transaction that rolls back', async () => {
    const failed = dataSource.transaction(async (manager) => {
      expect(await inbox.claimBatch(manager, 'rollback', ['r1', 'r2'])).toEqual([true, true]);
      throw new Error('the events could not be applied');
    });
    await expect(failed).rejects.toThrow('the events could not be applied');
    expect(await claimBatch('rollback', ['r2', 'r1'])).toEqual([true, true]);
  });

  it('gives an id claimed by two transactions at once to one of them only', async () => {
    const first = dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    try {
      expect(await inbox.claimBatch(first.manager, 'race', ['x', 'y'])).toEqual([true, true]);
      // Waits on the uncommitted claim of `y`, then finds it taken.
      const second = claimBatch('race', ['y', 'z']);
      await first.commitTransaction();
      expect(await second).toEqual([false, true]);
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      await first.release();
    }
  });
});
