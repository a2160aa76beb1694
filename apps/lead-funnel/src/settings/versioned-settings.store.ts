import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { EntityManager, QueryFailedError } from 'typeorm';

export interface SettingsVersion<T> {
  version: number;
  document: T;
  createdAt: Date;
  createdBy: string;
}

export type SettingsTable = 'funnel_definitions' | 'scoring_models' | 'territory_configs';

const UNIQUE_VIOLATION = '23505';

/**
 * Settings kept as numbered versions (funnel definition, scoring model, territories): a change
 * appends the next version, so what any event was decided under stays on record. Read from the
 * table every time, never kept in memory: a change through one replica holds at once on all.
 */
export class VersionedSettingsStore<T> {
  constructor(private readonly table: SettingsTable) {}

  async current(manager: EntityManager): Promise<SettingsVersion<T>> {
    const rows: { version: number; document: T; created_at: Date; created_by: string }[] =
      await manager.query(
        `SELECT version, document, created_at, created_by FROM funnel.${this.table}
         ORDER BY version DESC LIMIT 1`,
      );
    const [row] = rows;
    return {
      version: row.version,
      document: row.document,
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  /** Appends the next version; two writers racing for one number: the second gets a 409. */
  async save(manager: EntityManager, document: T, actor: string): Promise<SettingsVersion<T>> {
    try {
      const rows: { version: number; created_at: Date }[] = await manager.query(
        `INSERT INTO funnel.${this.table} (version, document, created_by)
         SELECT COALESCE(MAX(version), 0) + 1, $1, $2 FROM funnel.${this.table}
         RETURNING version, created_at`,
        [JSON.stringify(document), actor],
      );
      return {
        version: rows[0].version,
        document,
        createdAt: rows[0].created_at,
        createdBy: actor,
      };
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      )
        throw new DomainError(
          ErrorCode.Conflict,
          `The ${this.table.replace(/_/g, ' ')} were changed at the same time; read them again and retry`,
        );
      throw error;
    }
  }
}
