import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EmailSubjects, RecordUnsubscribeDto, UnsubscribeResultView } from '@sales-suite/contracts';
import { UnsubscribesService } from './unsubscribes.service';

/** Asked by the gateway once it verified an unsubscribe token (no API key: the token is the proof). */
@Controller()
export class UnsubscribesHandlers {
  constructor(private readonly unsubscribes: UnsubscribesService) {}

  @MessagePattern(EmailSubjects.RecordUnsubscribe)
  record(@Payload() { messageId }: RecordUnsubscribeDto): Promise<UnsubscribeResultView> {
    return this.unsubscribes.record(messageId.toLowerCase());
  }
}
