import { ConfigService } from '@nestjs/config';
import {
  createLeasesSql,
  LeaseService,
  PersistenceOptions,
  quoteIdent,
} from '@sales-suite/persistence';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { e2eRun } from '../support/test-env';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The lease primitive against the real PostgreSQL: two replicas (owners) on one scratch schema.
describe('LeaseService (named leases in PostgreSQL)', () => {
  const schema = `leases_${randomBytes(4).toString('hex')}`;
  const dataSource = new DataSource({ type: 'postgres', url: e2eRun().databaseUrl });
  const replica = (owner: string) =>
    new LeaseService(
      dataSource,
      { database: { schema } } as PersistenceOptions,
      new ConfigService({ REPLICA_ID: owner }),
    );
  const a = replica('replica-a');
  const b = replica('replica-b');

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const statement of createLeasesSql(schema)) await dataSource.query(statement);
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await dataSource.destroy();
  });

  /** Seconds until the lease expires, by PostgreSQL's clock. */
  async function remaining(name: string): Promise<number> {
    const [row] = await dataSource.query(
      `SELECT extract(epoch FROM expires_at - clock_timestamp())::float AS s
       FROM ${quoteIdent(schema)}.leases WHERE name = $1`,
      [name],
    );
    return row.s;
  }

  it('is held by one owner at a time; its holder takes it again and sees it live', async () => {
    expect(await a.acquire('contended')).toBe(true);
    expect(await b.acquire('contended')).toBe(false);
    expect(await a.acquire('contended')).toBe(true);
    const [x, y] = await Promise.all([a.acquire('raced'), b.acquire('raced')]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
    const live = await b.live('cont');
    expect(live).toEqual(new Map([['contended', 'replica-a']]));
  });

  it('is taken over once it expires, and its former holder can no longer renew it', async () => {
    expect(await a.acquire('short', 300)).toBe(true);
    expect(await b.acquire('short', 300)).toBe(false);
    await sleep(450);
    expect(await b.live('short')).toEqual(new Map());
    expect(await b.acquire('short')).toBe(true);
    expect(await a.renew(['short'])).toEqual(new Set());
    expect(await a.acquire('short')).toBe(false);
  });

  it('stays with a holder that renews it before it expires', async () => {
    expect(await a.acquire('renewed', 600)).toBe(true);
    for (let beat = 0; beat < 4; beat++) {
      await sleep(250);
      expect(await a.renew(['renewed', 'never-taken'], 600)).toEqual(new Set(['renewed']));
    }
    // 1 s after it was taken with a 600 ms TTL: still a's.
    expect(await b.acquire('renewed')).toBe(false);
  });

  it('is free at once when released; release and renew touch only the caller’s leases', async () => {
    expect(await a.acquire('released')).toBe(true);
    await b.release(['released']);
    expect(await b.acquire('released')).toBe(false);
    await a.release(['released']);
    expect(await b.acquire('released')).toBe(true);
    expect(await a.renew(['released'])).toEqual(new Set());
    expect(await b.live('released')).toEqual(new Map([['released', 'replica-b']]));
  });

  it('fences: a holder’s transaction blocks a takeover until it commits, and the taker gets a whole TTL', async () => {
    expect(await a.acquire('fenced', 300)).toBe(true);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      expect(await a.holds(runner.manager, 'fenced')).toBe(true);
      await sleep(450); // expired now, but a's transaction still holds the row
      let taken: boolean | undefined;
      const takeover = b.acquire('fenced', 2000).then((won) => (taken = won));
      await sleep(1000);
      expect(taken).toBeUndefined();
      await runner.commitTransaction();
      expect(await takeover).toBe(true);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    // The 1 s wait does not shorten the new lease.
    expect(await remaining('fenced')).toBeGreaterThan(1.5);
    expect(await a.fenced('fenced', async () => 'written by a')).toBeUndefined();
    expect(await b.fenced('fenced', async () => 'written by b')).toBe('written by b');
  });

  it('answers holds() false to a replica that does not hold the lease', async () => {
    await dataSource.transaction(async (manager) => {
      expect(await a.holds(manager, 'contended')).toBe(true);
      expect(await b.holds(manager, 'contended')).toBe(false);
      expect(await b.holds(manager, 'nobody-has-it')).toBe(false);
    });
  });
});
