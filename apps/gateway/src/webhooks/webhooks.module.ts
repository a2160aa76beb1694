import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookEventsConsumer } from './webhook-events.consumer';
import { WebhookSettings } from './webhook-settings';
import { WebhookStore } from './webhook-store';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: subscriptions, the events they receive, signed deliveries with retries. */
@Module({
  controllers: [WebhooksController],
  providers: [
    {
      provide: WebhookSettings,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => new WebhookSettings(config),
    },
    WebhookStore,
    WebhooksService,
    WebhookDeliveryWorker,
    WebhookEventsConsumer,
  ],
  exports: [WebhookStore],
})
export class WebhooksModule {}
