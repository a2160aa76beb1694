import { Module } from '@nestjs/common';
import { pixelKeyringProvider } from '@sales-suite/config';
import { CampaignsHandlers } from './campaigns.handlers';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsHandlers],
  providers: [CampaignsService, pixelKeyringProvider],
})
export class CampaignsModule {}
