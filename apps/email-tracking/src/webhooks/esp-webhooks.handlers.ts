import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EmailSubjects, EspWebhookDto, EspWebhookResultView } from '@sales-suite/contracts';
import { EspWebhooksService } from './esp-webhooks.service';

/** NATS handler for provider webhooks the gateway has authenticated. */
@Controller()
export class EspWebhooksHandlers {
  constructor(private readonly webhooks: EspWebhooksService) {}

  @MessagePattern(EmailSubjects.RecordEspWebhook)
  record(@Payload() input: EspWebhookDto): Promise<EspWebhookResultView> {
    return this.webhooks.record(input);
  }
}
