import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import { quoteIdent } from '../migrations/schema-sql';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from '../persistence.options';

/**
 * A holder renews its leases every this often; a lease lives `LEASE_TTL_MS`, so the work of a
 * replica that died is taken over at most TTL + one renewal interval later (13 s).
 */
export const LEASE_RENEW_MS = 3_000;
export const LEASE_TTL_MS = 10_000;

/**
 * This replica's name as a lease owner: `REPLICA_ID` when set (the pod name in Kubernetes, the
 * replica's slot under `npm start`), so that a restarted replica finds its own leases again and
 * resumes at once; otherwise host and pid, unique but new after each restart.
 */
export function replicaIdFrom(configured: string | undefined): string {
  return configured && configured.length > 0 ? configured : `${hostname()}-${process.pid}`;
}

/**
 * Named leases in the service's own schema (`<schema>.leases`): which replica does a piece of
 * work that must run once across replicas (a periodic job, an import, a partition of a stream).
 * Time comes from PostgreSQL's clock, so replicas' clocks need not agree. A lease is taken when
 * it is free, expired or already ours; a holder extends it before it expires, and a replica that
 * dies simply stops extending it.
 */
@Injectable()
export class LeaseService {
  readonly owner: string;
  private readonly table: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PERSISTENCE_OPTIONS) options: PersistenceOptions,
    config: ConfigService,
  ) {
    this.owner = replicaIdFrom(config.get<string>('REPLICA_ID'));
    this.table = `${quoteIdent(options.database.schema)}.leases`;
  }

  /** Takes or extends the lease; answers whether this replica holds it now. */
  async acquire(name: string, ttlMs = LEASE_TTL_MS): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.table} AS l (name, owner, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3 / 1000.0))
       ON CONFLICT (name) DO UPDATE
         SET owner = excluded.owner, expires_at = excluded.expires_at,
             acquired_at = CASE WHEN l.owner = excluded.owner THEN l.acquired_at ELSE now() END
         WHERE l.owner = excluded.owner OR l.expires_at < now()
       RETURNING 1`,
      [name, this.owner, ttlMs],
    );
    return rows.length === 1;
  }

  /** Extends those of `names` this replica still holds, in one statement; answers them. */
  async renew(names: readonly string[], ttlMs = LEASE_TTL_MS): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    // TypeORM answers an UPDATE on PostgreSQL as [rows, affected count].
    const [rows]: [{ name: string }[], number] = await this.dataSource.query(
      `UPDATE ${this.table} SET expires_at = now() + make_interval(secs => $3 / 1000.0)
       WHERE name = ANY($1::text[]) AND owner = $2 AND expires_at >= now()
       RETURNING name`,
      [names, this.owner, ttlMs],
    );
    return new Set(rows.map((row) => row.name));
  }

  /** Gives the lease up at once (a clean shutdown), so another replica need not wait for expiry. */
  async release(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE name = ANY($1::text[]) AND owner = $2`,
      [names, this.owner],
    );
  }

  /**
   * Fencing, inside the transaction that does the leased work: true when this replica holds the
   * lease. The row stays share-locked until that transaction ends, so nobody can take the lease
   * over while the work commits (a replica that lost its lease writes nothing).
   */
  async holds(manager: EntityManager, name: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${this.table} WHERE name = $1 AND owner = $2 AND expires_at >= now() FOR SHARE`,
      [name, this.owner],
    );
    return rows.length === 1;
  }

  /** Live leases whose names start with `prefix`: name → owner. */
  async live(prefix: string): Promise<Map<string, string>> {
    const rows: { name: string; owner: string }[] = await this.dataSource.query(
      `SELECT name, owner FROM ${this.table} WHERE starts_with(name, $1) AND expires_at >= now()`,
      [prefix],
    );
    return new Map(rows.map((row) => [row.name, row.owner]));
  }
}
