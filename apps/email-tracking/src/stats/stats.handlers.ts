import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CampaignStatsView,
  ContactEngagementView,
  EmailContactIdDto,
  EmailIdDto,
  EmailSubjects,
} from '@sales-suite/contracts';
import { StatsService } from './stats.service';

@Controller()
export class StatsHandlers {
  constructor(private readonly stats: StatsService) {}

  @MessagePattern(EmailSubjects.CampaignStats)
  campaignStats(@Payload() { id }: EmailIdDto): Promise<CampaignStatsView> {
    return this.stats.campaignStats(id);
  }

  @MessagePattern(EmailSubjects.ContactEngagement)
  contactEngagement(@Payload() { id }: EmailContactIdDto): Promise<ContactEngagementView> {
    return this.stats.contactEngagement(id);
  }
}
