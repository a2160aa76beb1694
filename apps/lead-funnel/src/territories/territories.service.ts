import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TerritoriesDto, TerritoriesView, validationFailed } from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { LeadDraft } from '../domain/lead-draft';
import type { Territory } from '../domain/territory-rules';
import { LeadEventStore } from '../leads/lead-event.store';
import { OPEN_LEAD } from '../leads/lead-projection';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { TerritoryStore } from '../settings/territory.store';

const BATCH_SIZE = 500;

@Injectable()
export class TerritoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territories: TerritoryStore,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
  ) {}

  get(): Promise<TerritoriesView> {
    return this.territories.currentView(this.dataSource.manager);
  }

  /**
   * Saves the territories, then moves every open lead whose territory or owner no longer fits
   * (a LeadAssigned event each, reason `territory_change`), oldest lead first.
   */
  async replace(input: TerritoriesDto, actor: string): Promise<TerritoriesView> {
    const seen = new Set<string>();
    const violations = input.territories.flatMap((territory, index) => {
      const duplicate = seen.has(territory.id);
      seen.add(territory.id);
      return duplicate
        ? [
            {
              field: `territories.${index}.id`,
              reason: `territory ${territory.id} is listed twice`,
            },
          ]
        : [];
    });
    if (violations.length > 0) throw validationFailed(violations);
    const document: Territory[] = JSON.parse(JSON.stringify(input.territories));
    const saved = await this.territories.save(this.dataSource.manager, document, actor);
    let reassigned = 0;
    let after = {
      createdAt: new Date(0).toISOString(),
      id: '00000000-0000-0000-0000-000000000000',
    };
    for (;;) {
      const rows: { id: string; created_at: Date }[] = await this.dataSource.query(
        `SELECT id, created_at FROM funnel.leads
         WHERE ${OPEN_LEAD} AND (created_at, id) > ($1::timestamptz, $2::uuid)
         ORDER BY created_at, id LIMIT ${BATCH_SIZE}`,
        [after.createdAt, after.id],
      );
      if (rows.length === 0) break;
      reassigned += await retryOnConflict(() =>
        this.reassign(
          rows.map((row) => row.id),
          actor,
        ),
      );
      const last = rows[rows.length - 1];
      after = { createdAt: last.created_at.toISOString(), id: last.id };
    }
    return { ...this.territories.toView(saved), reassigned };
  }

  private reassign(ids: string[], actor: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.writer.policy(manager);
      const streams = await this.events.readMany(manager, ids);
      const drafts: LeadDraft[] = [];
      for (const id of ids) {
        const draft = new LeadDraft(id, streams.get(id) ?? []);
        if (!draft.exists) continue;
        await this.writer.assign(manager, draft, policy, 'territory_change');
        drafts.push(draft);
      }
      await this.writer.commit(manager, drafts, actor);
      return drafts.filter((draft) => draft.pending.length > 0).length;
    });
  }
}
