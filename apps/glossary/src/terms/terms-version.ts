import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TermsChangedNotifier } from './terms-changed.notifier';

/** How often a replica asks the database whether another replica changed the terms. */
const STAMP_CHECK_INTERVAL_MS = 1000;

/** Why the version moved since the caller last saw it. */
export type TermsChange = 'start' | 'local-change' | 'remote-change';

export interface TermsVersionValue {
  generation: number;
  stamp: string;
}

/**
 * The version of the whole set of terms, for whatever this replica derives from them and keeps
 * in memory (the annotate automaton, search results). It moves at once after this replica's own
 * writes and within a second of another replica's: a cheap digest of slugs and versions, read at
 * most once a second.
 */
@Injectable()
export class TermsVersion {
  private known?: TermsVersionValue;
  private reading?: Promise<TermsVersionValue>;
  private stampCheckedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changed: TermsChangedNotifier,
  ) {}

  async current(): Promise<TermsVersionValue> {
    const stale =
      !this.known ||
      this.known.generation !== this.changed.current ||
      Date.now() - this.stampCheckedAt >= STAMP_CHECK_INTERVAL_MS;
    if (!stale && this.known) return this.known;
    // Concurrent callers share one read.
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** What moved between `seen` and `now` (undefined when nothing did). */
  static change(
    seen: TermsVersionValue | undefined,
    now: TermsVersionValue,
  ): TermsChange | undefined {
    if (!seen) return 'start';
    if (seen.generation !== now.generation) return 'local-change';
    if (seen.stamp !== now.stamp) return 'remote-change';
    return undefined;
  }

  private async read(): Promise<TermsVersionValue> {
    const generation = this.changed.current;
    // Every write bumps a version and every delete or insert changes the set of slugs, so this
    // order-independent sum moves on any change (timestamps would not: now() is transaction start).
    const [row]: { count: string; digest: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS count, sum(hashtext(slug || ':' || version)::bigint) AS digest
       FROM glossary.terms`,
    );
    this.stampCheckedAt = Date.now();
    this.known = { generation, stamp: `${row.count}:${row.digest ?? ''}` };
    return this.known;
  }
}
