import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConsentDto,
  ConsentView,
  EmailContactIdDto,
  ContactTrackingView,
  EmailSubjects,
  ErasedTrackingView,
  SetContactTrackingDto,
} from '@sales-suite/contracts';
import { ConsentService } from './consent.service';

@Controller()
export class ConsentHandlers {
  constructor(private readonly consent: ConsentService) {}

  @MessagePattern(EmailSubjects.GetConsent)
  getConsent(): Promise<ConsentView> {
    return this.consent.getConsent();
  }

  @MessagePattern(EmailSubjects.SetConsent)
  setConsent(@Payload() { mode }: ConsentDto): Promise<ConsentView> {
    return this.consent.setConsent(mode);
  }

  @MessagePattern(EmailSubjects.SetContactTracking)
  setContactTracking(@Payload() input: SetContactTrackingDto): Promise<ContactTrackingView> {
    return this.consent.setContactTracking(input);
  }

  @MessagePattern(EmailSubjects.EraseContactTracking)
  erase(@Payload() { id }: EmailContactIdDto): Promise<ErasedTrackingView> {
    return this.consent.erase(id);
  }
}
