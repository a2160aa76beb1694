import { Body, Param, Query } from '@nestjs/common';
import {
  AddMessagesDto,
  CampaignMessagePageView,
  CampaignMessagesCommandDto,
  CampaignMessagesQueryDto,
  CampaignPageView,
  CampaignSummaryView,
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
  ListCampaignsQueryDto,
  MessageView,
  MESSAGES_PER_STORE_REQUEST,
  RenderedEmailView,
  RenderEmailDto,
  SetCampaignArchivedDto,
  StoreMessagesDto,
  UpdateCampaignCommandDto,
  UpdateCampaignDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { Caller } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/auth.decorators';
import { Forward, Route, RoutesController } from '../routing/route.decorator';

/** Recipients' addresses are contacts' personal data: they go to keys that may read contacts. */
function mayReadRecipients(caller: Caller): boolean {
  return caller.scopes.includes('crm:read') || caller.scopes.includes('admin');
}

@RoutesController('email', 'v1/email')
export class EmailController {
  constructor(private readonly nats: NatsRequester) {}

  @Forward('POST', 'campaigns', EmailSubjects.CreateCampaign, {
    scope: 'email:write',
    summary: 'Create a campaign',
    answers: CampaignView,
    problems: [400, 401, 403],
  })
  createCampaign(@Body() input: CreateCampaignDto) {
    return input;
  }

  @Forward('GET', 'campaigns', EmailSubjects.ListCampaigns, {
    scope: 'email:read',
    summary: 'List campaigns with their headline figures, newest first',
    description:
      'Cursor paging on (creation time, id). Archived campaigns are left out unless `includeArchived=true`. ' +
      'The figures are those of `GET /v1/email/campaigns/{id}/stats`.',
    answers: CampaignPageView,
    problems: [400, 401, 403],
  })
  listCampaigns(@Query() query: ListCampaignsQueryDto) {
    return query;
  }

  @Forward('GET', 'campaigns/:id', EmailSubjects.GetCampaign, {
    scope: 'email:read',
    summary: 'Get one campaign with its headline figures',
    answers: CampaignSummaryView,
    problems: [400, 401, 403, 404],
  })
  getCampaign(@Param() params: EmailIdDto) {
    return params;
  }

  @Forward('PATCH', 'campaigns/:id', EmailSubjects.UpdateCampaign, {
    scope: 'email:write',
    summary: 'Rename a campaign or change its subject',
    description: 'Absent fields stay; at least one of `name` and `subject` is given.',
    answers: CampaignSummaryView,
    problems: [400, 401, 403, 404],
  })
  updateCampaign(@Param() { id }: EmailIdDto, @Body() input: UpdateCampaignDto) {
    return { ...input, id } satisfies UpdateCampaignCommandDto;
  }

  @Forward('POST', 'campaigns/:id/archive', EmailSubjects.SetCampaignArchived, {
    status: 200,
    scope: 'email:write',
    summary: 'Archive a campaign: hidden from the default list, figures kept',
    description: 'Idempotent: archiving an archived campaign keeps its first archive time.',
    answers: CampaignSummaryView,
    problems: [400, 401, 403, 404],
  })
  archiveCampaign(@Param() { id }: EmailIdDto) {
    return { id, archived: true } satisfies SetCampaignArchivedDto;
  }

  @Forward('DELETE', 'campaigns/:id/archive', EmailSubjects.SetCampaignArchived, {
    scope: 'email:write',
    summary: 'Unarchive a campaign',
    description: 'Idempotent.',
    answers: CampaignSummaryView,
    problems: [400, 401, 403, 404],
  })
  unarchiveCampaign(@Param() { id }: EmailIdDto) {
    return { id, archived: false } satisfies SetCampaignArchivedDto;
  }

  @Forward('GET', 'campaigns/:id/messages', EmailSubjects.ListCampaignMessages, {
    scope: 'email:read',
    summary: "List a campaign's messages with delivery status and first opens",
    description:
      "In sending order (cursor paging on sending time, id). `email` is null unless the key also holds `crm:read`: recipients are contacts' personal data.",
    answers: CampaignMessagePageView,
    problems: [400, 401, 403, 404],
  })
  listCampaignMessages(
    @Param() { id }: EmailIdDto,
    @Query() query: CampaignMessagesQueryDto,
    @CurrentCaller() caller: Caller,
  ) {
    return {
      ...query,
      id,
      includeEmail: mayReadRecipients(caller),
    } satisfies CampaignMessagesCommandDto;
  }

  @Route('POST', 'campaigns/:id/messages', {
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
    scope: 'email:read',
    summary: 'Get one message and its delivery status',
    answers: MessageView,
    problems: [400, 401, 403, 404],
  })
  getMessage(@Param() params: EmailIdDto) {
    return params;
  }

  @Forward('POST', 'render', EmailSubjects.Render, {
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
    scope: 'email:read',
    summary: 'Open statistics of a campaign, each rate with its definition',
    answers: CampaignStatsView,
    problems: [400, 401, 403, 404],
  })
  campaignStats(@Param() params: EmailIdDto) {
    return params;
  }

  @Forward('GET', 'contacts/:id/engagement', EmailSubjects.ContactEngagement, {
    scope: 'email:read',
    summary: "A contact's opens across campaigns",
    answers: ContactEngagementView,
    problems: [400, 401, 403],
  })
  contactEngagement(@Param() params: EmailContactIdDto) {
    return params;
  }

  @Forward('PUT', 'contacts/:id/tracking', EmailSubjects.SetContactTracking, {
    scope: 'email:write',
    summary: 'Set do-not-track for a contact (the pixel still answers)',
    answers: ContactTrackingView,
    problems: [400, 401, 403],
  })
  setContactTracking(@Param() { id }: EmailContactIdDto, @Body() input: ContactTrackingDto) {
    return { contactId: id, doNotTrack: input.doNotTrack };
  }

  @Forward('DELETE', 'contacts/:id/tracking-data', EmailSubjects.EraseContactTracking, {
    scope: 'email:write',
    summary: "Erase a contact's open history",
    answers: ErasedTrackingView,
    problems: [400, 401, 403],
  })
  eraseContactTracking(@Param() params: EmailContactIdDto) {
    return params;
  }

  @Forward('GET', 'consent', EmailSubjects.GetConsent, {
    scope: 'email:read',
    summary: 'The global tracking mode',
    answers: ConsentView,
    problems: [401, 403],
  })
  getConsent() {
    return {};
  }

  @Forward('PUT', 'consent', EmailSubjects.SetConsent, {
    scope: 'email:write',
    summary: 'Switch tracking off, to anonymous counts, or to individual',
    answers: ConsentView,
    problems: [400, 401, 403],
  })
  setConsent(@Body() input: ConsentDto) {
    return input;
  }
}
