import { Module } from '@nestjs/common';
import { EspWebhooksHandlers } from './esp-webhooks.handlers';
import { EspWebhooksService } from './esp-webhooks.service';

@Module({ controllers: [EspWebhooksHandlers], providers: [EspWebhooksService] })
export class EspWebhooksModule {}
