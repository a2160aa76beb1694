import { Injectable } from '@nestjs/common';
import type { TermUseView } from '@sales-suite/contracts';
import { EntityManager } from 'typeorm';
import { describeTermUse, slugsWithChangedUses, TermUse } from '../domain/term-uses';

interface TermUseRow {
  service: string;
  kind: TermUse['kind'];
  key: string;
  term_slug: string;
}

const toUse = (row: TermUseRow): TermUse => ({
  service: row.service,
  kind: row.kind,
  key: row.key,
  termSlug: row.term_slug,
});

/** The glossary's table of where other services use its terms (see the term-uses migration). */
@Injectable()
export class TermUsesStore {
  async usesOf(manager: EntityManager, slug: string): Promise<TermUse[]> {
    const rows: TermUseRow[] = await manager.query(
      `SELECT service, kind, key, term_slug FROM glossary.term_uses
       WHERE term_slug = $1 ORDER BY service, kind DESC, key`,
      [slug],
    );
    return rows.map(toUse);
  }

  async usedBy(manager: EntityManager, slug: string): Promise<TermUseView[]> {
    return (await this.usesOf(manager, slug)).map((use) => ({
      service: use.service,
      description: describeTermUse(use),
    }));
  }

  /**
   * Replaces a service's uses with its snapshot of `version`, unless a newer (or the same)
   * version is already applied: redelivered and out-of-order snapshots change nothing. Answers
   * the slugs whose uses changed.
   */
  async applySnapshot(
    manager: EntityManager,
    service: string,
    version: number,
    uses: readonly Omit<TermUse, 'service'>[],
  ): Promise<string[]> {
    const newer: unknown[] = await manager.query(
      `INSERT INTO glossary.term_use_sources (service, version) VALUES ($1, $2)
       ON CONFLICT (service) DO UPDATE SET version = EXCLUDED.version
         WHERE glossary.term_use_sources.version < EXCLUDED.version
       RETURNING 1`,
      [service, version],
    );
    if (newer.length === 0) return [];
    const before: TermUseRow[] = await manager.query(
      `DELETE FROM glossary.term_uses WHERE service = $1 RETURNING service, kind, key, term_slug`,
      [service],
    );
    const after = uses.map((use) => ({ ...use, service }));
    if (after.length > 0)
      await manager.query(
        `INSERT INTO glossary.term_uses (service, kind, key, term_slug)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
        [
          service,
          after.map((use) => use.kind),
          after.map((use) => use.key),
          after.map((use) => use.termSlug),
        ],
      );
    return slugsWithChangedUses(before.map(toUse), after);
  }

  /**
   * Moves the uses of a term deleted or deprecated with a replacement, at once: until the using
   * service's next snapshot arrives, the replacement is already guarded as used.
   */
  async move(manager: EntityManager, from: string, to: string): Promise<void> {
    await manager.query(`UPDATE glossary.term_uses SET term_slug = $2 WHERE term_slug = $1`, [
      from,
      to,
    ]);
  }
}
