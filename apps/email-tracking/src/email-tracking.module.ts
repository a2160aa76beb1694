import { Module } from '@nestjs/common';
import { EMAIL_EVENTS_STREAM, PRIVACY_EVENTS_STREAM, ServiceNames } from '@sales-suite/contracts';
import { ErasureParticipant, ServiceCoreModule } from '@sales-suite/platform';
import { CampaignsModule } from './campaigns/campaigns.module';
import { EmailTrackingEnv } from './config/email-tracking.env';
import { ConsentModule } from './consent/consent.module';
import { EMAIL_DATABASE } from './database/email-tracking.database';
import { OpensModule } from './opens/opens.module';
import { StatsModule } from './stats/stats.module';
import { UnsubscribesModule } from './unsubscribes/unsubscribes.module';
import { EspWebhooksModule } from './webhooks/esp-webhooks.module';
import { PersonEraser } from './privacy/person-eraser';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.EmailTracking,
      env: EmailTrackingEnv,
      database: EMAIL_DATABASE,
      streams: [EMAIL_EVENTS_STREAM, PRIVACY_EVENTS_STREAM],
    }),
    CampaignsModule,
    OpensModule,
    StatsModule,
    ConsentModule,
    EspWebhooksModule,
    UnsubscribesModule,
  ],
  providers: [ErasureParticipant, PersonEraser],
})
export class EmailTrackingModule {}
