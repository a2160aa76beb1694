import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ScoringModel,
  ScoringModelDto,
  ScoringModelView,
  validationFailed,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { scoringModelViolations } from '../domain/scoring-model';
import { ScoringModelStore } from '../settings/scoring-model.store';
import { RescoreJobs } from './rescore-jobs.service';

@Injectable()
export class ScoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: ScoringModelStore,
    private readonly jobs: RescoreJobs,
  ) {}

  model(): Promise<ScoringModelView> {
    return this.models.currentView(this.dataSource.manager);
  }

  /** Saves the next model version and starts re-scoring every lead under it. */
  async replaceModel(input: ScoringModelDto, actor: string): Promise<ScoringModelView> {
    const violations = scoringModelViolations(input);
    if (violations.length > 0) throw validationFailed(violations);
    const model: ScoringModel = JSON.parse(JSON.stringify(input));
    const { saved, jobId } = await this.dataSource.transaction(async (manager) => {
      const saved = await this.models.save(manager, model, actor);
      return { saved, jobId: await this.jobs.create(manager, saved.version) };
    });
    this.jobs.wake();
    return { ...this.models.toView(saved), rescoreJobId: jobId };
  }
}
