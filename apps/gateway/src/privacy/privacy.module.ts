import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ErasureReportsConsumer } from './erasure-reports.consumer';
import { ErasureStore } from './erasure-store';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** Erasure of a person across the suite: the API, the job, the audit record. */
@Module({
  imports: [WebhooksModule],
  controllers: [PrivacyController],
  providers: [ErasureStore, PrivacyService, ErasureReportsConsumer],
})
export class PrivacyModule {}
