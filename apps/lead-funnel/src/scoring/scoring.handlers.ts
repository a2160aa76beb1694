import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LeadSubjects,
  RescoreJobView,
  ScoringJobIdDto,
  ScoringModelDto,
  ScoringModelView,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { RescoreJobs } from './rescore-jobs.service';
import { ScoringService } from './scoring.service';

@Controller()
export class ScoringHandlers {
  constructor(
    private readonly scoring: ScoringService,
    private readonly jobs: RescoreJobs,
  ) {}

  @MessagePattern(LeadSubjects.GetScoringModel)
  model(): Promise<ScoringModelView> {
    return this.scoring.model();
  }

  @MessagePattern(LeadSubjects.PutScoringModel)
  replaceModel(
    @Payload() input: ScoringModelDto,
    @Actor() actor: string,
  ): Promise<ScoringModelView> {
    return this.scoring.replaceModel(input, actor);
  }

  @MessagePattern(LeadSubjects.GetScoringJob)
  job(@Payload() { id }: ScoringJobIdDto): Promise<RescoreJobView> {
    return this.jobs.get(id);
  }
}
