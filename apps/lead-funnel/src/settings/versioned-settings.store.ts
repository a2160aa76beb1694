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

/** The current version of each store in a set, under the set's own keys. */
export type CurrentSettings<S> = {
  [K in keyof S]: S[K] extends VersionedSettingsStore<infer T, unknown>
    ? SettingsVersion<T>
    : never;
};

/**
 * Settings kept as numbered versions (funnel definition, scoring model, territories): a change
 * appends the next version, so what any event was decided under stays on record. Read from the
 * table every time, never kept in memory: a change through one replica holds at once on all.
 */
export abstract class VersionedSettingsStore<T, V> {
  constructor(private readonly table: SettingsTable) {}

  /**
   * The current version of several settings in one round trip: the one read path of every
   * settings store, for one store (`current`) or for all a command decides under.
   */
  static async currentOf<S extends Record<string, VersionedSettingsStore<unknown, unknown>>>(
    manager: EntityManager,
    stores: S,
  ): Promise<CurrentSettings<S>> {
    const entries = Object.entries(stores);
    const rows: {
      key: string;
      version: number;
      document: unknown;
      created_at: Date;
      created_by: string;
    }[] = await manager.query(
      entries
        .map(
          ([, store], index) =>
            `(SELECT $${index + 1}::text AS key, version, document, created_at, created_by
              FROM funnel.${store.table} ORDER BY version DESC LIMIT 1)`,
        )
        .join(' UNION ALL '),
      entries.map(([key]) => key),
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const current = entries.map(([key, store]) => {
      const row = byKey.get(key);
      // The migrations write version 1 of every settings table.
      if (!row) throw new Error(`funnel.${store.table} holds no version`);
      const version: SettingsVersion<unknown> = {
        version: row.version,
        document: row.document,
        createdAt: row.created_at,
        createdBy: row.created_by,
      };
      return [key, version];
    });
    return Object.fromEntries(current) as CurrentSettings<S>;
  }

  /** The API view of one version: what a read answers, and a change for the version it saved. */
  abstract toView(saved: SettingsVersion<T>): V;

  async current(manager: EntityManager): Promise<SettingsVersion<T>> {
    const { settings } = await VersionedSettingsStore.currentOf<{
      settings: VersionedSettingsStore<T, V>;
    }>(manager, { settings: this });
    return settings;
  }

  async currentView(manager: EntityManager): Promise<V> {
    return this.toView(await this.current(manager));
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
