import { Body, Param } from '@nestjs/common';
import {
  AddMessagesDto,
  CampaignStatsView,
  CampaignView,
  ConsentDto,
  ConsentView,
  ContactEngagementView,
  EmailContactIdDto,
  ContactTrackingDto,
  ContactTrackingView,
  CreateCampaignDto,
  CreatedMessagesView,
  DeliveryEventsDto,
  DeliveryEventsResultView,
  EmailIdDto,
  EmailSubjects,
  ErasedTrackingView,
  MessageView,
  MESSAGES_PER_STORE_REQUEST,
  RenderedEmailView,
  RenderEmailDto,
  StoreMessagesDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import { Forward, Route, RoutesController } from '../routing/route.decorator';

@RoutesController('email', 'v1/email')
export class EmailController {
  constructor(private readonly nats: NatsRequester) {}

  @Forward('POST', 'campaigns', EmailSubjects.CreateCampaign, {
    operationId: 'createCampaign',
    scope: 'email:write',
    summary: 'Create a campaign',
    answers: CampaignView,
    problems: [400, 401, 403],
  })
  createCampaign(@Body() input: CreateCampaignDto) {
    return input;
  }

  @Route('POST', 'campaigns/:id/messages', {
    operationId: 'addCampaignMessages',
    scope: 'email:write',
    summary: 'Register up to 10,000 messages; each gets an id and its absolute pixel URL',
    description:
      'The whole batch is validated first. It is stored in slices of 1,000: should the service fail mid-way, the slices already answered are stored.',
    answers: CreatedMessagesView,
    problems: [400, 401, 403, 404],
  })
  async addMessages(
    @Param() { id }: EmailIdDto,
    @Body() input: AddMessagesDto,
  ): Promise<CreatedMessagesView> {
    const created: CreatedMessagesView = { campaignId: id, messages: [] };
    // One NATS message stays well under the server's 1 MB payload limit.
    for (let start = 0; start < input.messages.length; start += MESSAGES_PER_STORE_REQUEST) {
      const slice = await this.nats.request<CreatedMessagesView>(EmailSubjects.StoreMessages, {
        campaignId: id,
        messages: input.messages.slice(start, start + MESSAGES_PER_STORE_REQUEST),
      } satisfies StoreMessagesDto);
      created.messages.push(...slice.messages);
    }
    return created;
  }

  @Forward('GET', 'messages/:id', EmailSubjects.GetMessage, {
    operationId: 'getMessage',
    scope: 'email:read',
    summary: 'Get one message and its delivery status',
    answers: MessageView,
    problems: [400, 401, 403, 404],
  })
  getMessage(@Param() params: EmailIdDto) {
    return params;
  }

  @Forward('POST', 'render', EmailSubjects.Render, {
    operationId: 'renderTrackedHtml',
    status: 200,
    scope: 'email:write',
    summary: "Insert the message's pixel before </body> of an HTML body",
    answers: RenderedEmailView,
    problems: [400, 401, 403, 404],
  })
  render(@Body() input: RenderEmailDto) {
    return input;
  }

  @Forward('POST', 'events', EmailSubjects.RecordDeliveryEvents, {
    operationId: 'recordDeliveryEvents',
    status: 200,
    scope: 'email:write',
    summary: 'Record delivery status updates (delivered, soft_bounce, hard_bounce, complaint)',
    description:
      'Each row is checked on its own: good rows are applied, bad rows (invalid fields, unknown message ids) are listed in `rejected`. A batch without any good row is a 422.',
    answers: DeliveryEventsResultView,
    problems: [400, 401, 403, 422],
  })
  recordDeliveryEvents(@Body() input: DeliveryEventsDto) {
    return input;
  }

  @Forward('GET', 'campaigns/:id/stats', EmailSubjects.CampaignStats, {
    operationId: 'getCampaignStats',
    scope: 'email:read',
    summary: 'Open statistics of a campaign, each rate with its definition',
    answers: CampaignStatsView,
    problems: [400, 401, 403, 404],
  })
  campaignStats(@Param() params: EmailIdDto) {
    return params;
  }

  @Forward('GET', 'contacts/:id/engagement', EmailSubjects.ContactEngagement, {
    operationId: 'getContactEngagement',
    scope: 'email:read',
    summary: "A contact's opens across campaigns",
    answers: ContactEngagementView,
    problems: [400, 401, 403],
  })
  contactEngagement(@Param() params: EmailContactIdDto) {
    return params;
  }

  @Forward('PUT', 'contacts/:id/tracking', EmailSubjects.SetContactTracking, {
    operationId: 'setContactTracking',
    scope: 'email:write',
    summary: 'Set do-not-track for a contact (the pixel still answers)',
    answers: ContactTrackingView,
    problems: [400, 401, 403],
  })
  setContactTracking(@Param() { id }: EmailContactIdDto, @Body() input: ContactTrackingDto) {
    return { contactId: id, doNotTrack: input.doNotTrack };
  }

  @Forward('DELETE', 'contacts/:id/tracking-data', EmailSubjects.EraseContactTracking, {
    operationId: 'eraseContactTracking',
    scope: 'email:write',
    summary: "Erase a contact's open history",
    answers: ErasedTrackingView,
    problems: [400, 401, 403],
  })
  eraseContactTracking(@Param() params: EmailContactIdDto) {
    return params;
  }

  @Forward('GET', 'consent', EmailSubjects.GetConsent, {
    operationId: 'getTrackingConsent',
    scope: 'email:read',
    summary: 'The global tracking mode',
    answers: ConsentView,
    problems: [401, 403],
  })
  getConsent() {
    return {};
  }

  @Forward('PUT', 'consent', EmailSubjects.SetConsent, {
    operationId: 'setTrackingConsent',
    scope: 'email:write',
    summary: 'Switch tracking off, to anonymous counts, or to individual',
    answers: ConsentView,
    problems: [400, 401, 403],
  })
  setConsent(@Body() input: ConsentDto) {
    return input;
  }
}
