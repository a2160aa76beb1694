import { Module } from '@nestjs/common';
import { ServiceNames } from '@sales-suite/contracts';
import { ServiceCoreModule } from '@sales-suite/platform';
import { EmailTrackingEnv } from './config/email-tracking.env';
import { EMAIL_DATABASE } from './database/email-tracking.database';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.EmailTracking,
      env: EmailTrackingEnv,
      database: EMAIL_DATABASE,
    }),
  ],
})
export class EmailTrackingModule {}
