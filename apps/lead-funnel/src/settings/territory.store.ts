import { Injectable } from '@nestjs/common';
import type { TerritoriesView } from '@sales-suite/contracts';
import type { EntityManager } from 'typeorm';
import type { Territory } from '../domain/territory-rules';
import { SettingsVersion, VersionedSettingsStore } from './versioned-settings.store';

@Injectable()
export class TerritoryStore extends VersionedSettingsStore<Territory[], TerritoriesView> {
  constructor() {
    super('territory_configs');
  }

  toView(saved: SettingsVersion<Territory[]>): TerritoriesView {
    return {
      version: saved.version,
      territories: saved.document,
      updatedAt: saved.createdAt.toISOString(),
    };
  }

  /** The next owner of a territory in turn; the row lock makes concurrent picks take turns. */
  async nextOwner(manager: EntityManager, territoryId: string, owners: string[]): Promise<string> {
    const rows: { turn: string }[] = await manager.query(
      `INSERT INTO funnel.territory_cursors (territory_id, next_index) VALUES ($1, 1)
       ON CONFLICT (territory_id)
         DO UPDATE SET next_index = funnel.territory_cursors.next_index + 1
       RETURNING next_index - 1 AS turn`,
      [territoryId],
    );
    return owners[Number(rows[0].turn) % owners.length];
  }
}
