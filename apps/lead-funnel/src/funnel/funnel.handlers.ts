import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  FunnelDefinitionDto,
  FunnelDefinitionView,
  FunnelStatsQueryDto,
  FunnelStatsView,
  LeadSubjects,
  ProjectionRebuildView,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { FunnelService } from './funnel.service';

@Controller()
export class FunnelHandlers {
  constructor(private readonly funnel: FunnelService) {}

  @MessagePattern(LeadSubjects.GetFunnelDefinition)
  definition(): Promise<FunnelDefinitionView> {
    return this.funnel.definition();
  }

  @MessagePattern(LeadSubjects.PutFunnelDefinition)
  replaceDefinition(
    @Payload() input: FunnelDefinitionDto,
    @Actor() actor: string,
  ): Promise<FunnelDefinitionView> {
    return this.funnel.replaceDefinition(input, actor);
  }

  @MessagePattern(LeadSubjects.FunnelStats)
  stats(@Payload() query: FunnelStatsQueryDto): Promise<FunnelStatsView> {
    return this.funnel.stats(query);
  }

  @MessagePattern(LeadSubjects.RebuildProjections)
  rebuild(): Promise<ProjectionRebuildView> {
    return this.funnel.rebuildProjections();
  }
}
