import { Module } from '@nestjs/common';
import { pixelKeyringProvider } from '@sales-suite/config';
import { UnsubscribesModule } from '../unsubscribes/unsubscribes.module';
import { CampaignSummariesService } from './campaign-summaries.service';
import { CampaignsHandlers } from './campaigns.handlers';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [UnsubscribesModule],
  controllers: [CampaignsHandlers],
  providers: [CampaignsService, CampaignSummariesService, pixelKeyringProvider],
})
export class CampaignsModule {}
