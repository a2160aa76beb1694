import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CampaignView,
  CreateCampaignDto,
  CreatedMessagesView,
  DeliveryEventsDto,
  DeliveryEventsResultView,
  EmailIdDto,
  EmailSubjects,
  MessageView,
  RenderedEmailView,
  RenderEmailDto,
  StoreMessagesDto,
} from '@sales-suite/contracts';
import { CampaignsService } from './campaigns.service';

/** NATS request handlers; payloads are validated by the service's global pipe. */
@Controller()
export class CampaignsHandlers {
  constructor(private readonly campaigns: CampaignsService) {}

  @MessagePattern(EmailSubjects.CreateCampaign)
  createCampaign(@Payload() input: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.createCampaign(input);
  }

  @MessagePattern(EmailSubjects.StoreMessages)
  storeMessages(@Payload() input: StoreMessagesDto): Promise<CreatedMessagesView> {
    return this.campaigns.storeMessages(input);
  }

  @MessagePattern(EmailSubjects.GetMessage)
  getMessage(@Payload() { id }: EmailIdDto): Promise<MessageView> {
    return this.campaigns.getMessage(id);
  }

  @MessagePattern(EmailSubjects.Render)
  render(@Payload() input: RenderEmailDto): Promise<RenderedEmailView> {
    return this.campaigns.render(input);
  }

  @MessagePattern(EmailSubjects.RecordDeliveryEvents)
  recordDeliveryEvents(@Payload() input: DeliveryEventsDto): Promise<DeliveryEventsResultView> {
    return this.campaigns.recordDeliveryEvents(input);
  }
}
