import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TerritoriesDto, TerritoriesView, validationFailed } from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import type { Territory } from '../domain/territory-rules';
import { TerritoryStore } from '../settings/territory.store';
import { TerritoryJobs } from './territory-jobs.service';

@Injectable()
export class TerritoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territories: TerritoryStore,
    private readonly jobs: TerritoryJobs,
  ) {}

  get(): Promise<TerritoriesView> {
    return this.territories.currentView(this.dataSource.manager);
  }

  /**
   * Saves the territories and, in the same transaction, the job that moves every open lead whose
   * territory or owner no longer fits (see TerritoryJobs); answers the job's id.
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
    const { saved, jobId } = await this.dataSource.transaction(async (manager) => {
      const saved = await this.territories.save(manager, document, actor);
      return { saved, jobId: await this.jobs.create(manager, saved.version, actor) };
    });
    this.jobs.wake();
    return { ...this.territories.toView(saved), reassignJobId: jobId };
  }
}
