import { Module } from '@nestjs/common';
import { pixelKeyringProvider } from '@sales-suite/config';
import { CampaignSummariesService } from './campaign-summaries.service';
import { CampaignsHandlers } from './campaigns.handlers';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsHandlers],
  providers: [CampaignsService, CampaignSummariesService, pixelKeyringProvider],
})
export class CampaignsModule {}
