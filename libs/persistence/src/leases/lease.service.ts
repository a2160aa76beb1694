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
 * Time comes from PostgreSQL's clock, so replicas' clocks need not agree; expiries count from
 * `clock_timestamp()`, not the statement's start, so a takeover or renewal that waited for a holder's
 * fenced transaction still gets a whole TTL. A lease is taken when
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
         VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3 / 1000.0))
       ON CONFLICT (name) DO UPDATE
         SET owner = excluded.owner,
             expires_at = clock_timestamp() + make_interval(secs => $3 / 1000.0),
             acquired_at = CASE WHEN l.owner = excluded.owner THEN l.acquired_at ELSE now() END
         WHERE l.owner = excluded.owner OR l.expires_at < clock_timestamp()
       RETURNING 1`,
      [name, this.owner, ttlMs],
    );
    return rows.length === 1;
  }

  /** Extends those of `names` this replica still holds, in one statement; answers them. */
  async renew(names: readonly string[], ttlMs = LEASE_TTL_MS): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows]: [{ name: string }[], number] = await this.dataSource.query(
      `UPDATE ${this.table} SET expires_at = clock_timestamp() + make_interval(secs => $3 / 1000.0)
       WHERE name = ANY($1::text[]) AND owner = $2 AND expires_at >= clock_timestamp()
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
    return (await this.heldOf(manager, [name])).has(name);
  }

  /**
   * `holds` for several leases in one statement (work fenced by each of them, done in one
   * transaction): answers those this replica holds, share-locked in name order.
   */
  async heldOf(manager: EntityManager, names: readonly string[]): Promise<Set<string>> {
    const rows: { name: string }[] = await manager.query(
      `SELECT name FROM ${this.table}
        WHERE name = ANY($1::text[]) AND owner = $2 AND expires_at >= now()
        ORDER BY name FOR SHARE`,
      [names, this.owner],
    );
    return new Set(rows.map((row) => row.name));
  }

  /**
   * Runs `work` in a transaction fenced by the lease (see `holds`); when this replica does not
   * hold it, does nothing and answers undefined.
   */
  fenced<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<T | undefined> {
    return this.dataSource.transaction(async (manager) =>
      (await this.holds(manager, name)) ? work(manager) : undefined,
    );
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
