import { Module } from '@nestjs/common';
import { CampaignsHandlers } from './campaigns.handlers';
import { CampaignsService } from './campaigns.service';
import { pixelKeyringProvider } from './pixel-keyring.provider';

@Module({
  controllers: [CampaignsHandlers],
  providers: [CampaignsService, pixelKeyringProvider],
})
export class CampaignsModule {}
