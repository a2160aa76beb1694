import { Module } from '@nestjs/common';
import { EmailController } from './email.controller';
import { EspWebhookVerifier } from './esp/esp-webhook-verifier';
import { EspRawBodyHook } from './esp/raw-body.hook';
import { SnsCertificates } from './esp/sns-certificates';
import { EspWebhooksController } from './esp-webhooks.controller';

@Module({
  controllers: [EmailController, EspWebhooksController],
  providers: [EspRawBodyHook, EspWebhookVerifier, SnsCertificates],
})
export class EmailGatewayModule {}
