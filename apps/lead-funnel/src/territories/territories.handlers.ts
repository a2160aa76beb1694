import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LeadSubjects, TerritoriesDto, TerritoriesView } from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { TerritoriesService } from './territories.service';

@Controller()
export class TerritoriesHandlers {
  constructor(private readonly territories: TerritoriesService) {}

  @MessagePattern(LeadSubjects.GetTerritories)
  get(): Promise<TerritoriesView> {
    return this.territories.get();
  }

  @MessagePattern(LeadSubjects.PutTerritories)
  replace(@Payload() input: TerritoriesDto, @Actor() actor: string): Promise<TerritoriesView> {
    return this.territories.replace(input, actor);
  }
}
