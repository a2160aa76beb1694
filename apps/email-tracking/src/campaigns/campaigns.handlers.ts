import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CampaignMessagePageView,
  CampaignMessagesCommandDto,
  CampaignPageView,
  CampaignSummaryView,
  CampaignView,
  CreateCampaignDto,
  CreatedMessagesView,
  DeliveryEventsDto,
  DeliveryEventsResultView,
  EmailIdDto,
  EmailSubjects,
  ListCampaignsQueryDto,
  MessageView,
  RenderedEmailView,
  RenderEmailDto,
  SetCampaignArchivedDto,
  StoreMessagesDto,
  UpdateCampaignCommandDto,
} from '@sales-suite/contracts';
import { CampaignSummariesService } from './campaign-summaries.service';
import { CampaignsService } from './campaigns.service';

/** NATS request handlers; payloads are validated by the service's global pipe. */
@Controller()
export class CampaignsHandlers {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly summaries: CampaignSummariesService,
  ) {}

  @MessagePattern(EmailSubjects.ListCampaigns)
  listCampaigns(@Payload() query: ListCampaignsQueryDto): Promise<CampaignPageView> {
    return this.summaries.list(query);
  }

  @MessagePattern(EmailSubjects.GetCampaign)
  getCampaign(@Payload() { id }: EmailIdDto): Promise<CampaignSummaryView> {
    return this.summaries.get(id);
  }

  @MessagePattern(EmailSubjects.UpdateCampaign)
  updateCampaign(@Payload() input: UpdateCampaignCommandDto): Promise<CampaignSummaryView> {
    return this.summaries.update(input);
  }

  @MessagePattern(EmailSubjects.SetCampaignArchived)
  setCampaignArchived(@Payload() input: SetCampaignArchivedDto): Promise<CampaignSummaryView> {
    return this.summaries.setArchived(input);
  }

  @MessagePattern(EmailSubjects.ListCampaignMessages)
  listCampaignMessages(
    @Payload() query: CampaignMessagesCommandDto,
  ): Promise<CampaignMessagePageView> {
    return this.summaries.messages(query);
  }

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
