import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LeadSubjects,
  TerritoriesDto,
  TerritoriesView,
  TerritoryJobIdDto,
  TerritoryJobView,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { TerritoriesService } from './territories.service';
import { TerritoryJobs } from './territory-jobs.service';

@Controller()
export class TerritoriesHandlers {
  constructor(
    private readonly territories: TerritoriesService,
    private readonly jobs: TerritoryJobs,
  ) {}

  @MessagePattern(LeadSubjects.GetTerritories)
  get(): Promise<TerritoriesView> {
    return this.territories.get();
  }

  @MessagePattern(LeadSubjects.PutTerritories)
  replace(@Payload() input: TerritoriesDto, @Actor() actor: string): Promise<TerritoriesView> {
    return this.territories.replace(input, actor);
  }

  @MessagePattern(LeadSubjects.GetTerritoryJob)
  job(@Payload() { id }: TerritoryJobIdDto): Promise<TerritoryJobView> {
    return this.jobs.get(id);
  }
}
