import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
import { RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

@ApiTags('email')
@ApiBearerAuth()
@Controller('v1/email')
export class EmailController {
  constructor(private readonly nats: NatsRequester) {}

  @Post('campaigns')
  @RequireScopes('email:write')
  @ApiOperation({ summary: 'Create a campaign' })
  @ApiCreatedResponse({ type: CampaignView })
  @ApiRoutedProblemResponses(400, 401, 403)
  createCampaign(@Body() input: CreateCampaignDto): Promise<CampaignView> {
    return this.nats.request(EmailSubjects.CreateCampaign, input);
  }

  @Post('campaigns/:id/messages')
  @RequireScopes('email:write')
  @ApiOperation({
    summary: 'Register up to 10,000 messages; each gets an id and its absolute pixel URL',
    description:
      'The whole batch is validated first. It is stored in slices of 1,000: should the service fail mid-way, the slices already answered are stored.',
  })
  @ApiCreatedResponse({ type: CreatedMessagesView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
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

  @Get('messages/:id')
  @RequireScopes('email:read')
  @ApiOperation({ summary: 'Get one message and its delivery status' })
  @ApiOkResponse({ type: MessageView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  getMessage(@Param() params: EmailIdDto): Promise<MessageView> {
    return this.nats.request(EmailSubjects.GetMessage, params);
  }

  @Post('render')
  @HttpCode(200)
  @RequireScopes('email:write')
  @ApiOperation({ summary: "Insert the message's pixel before </body> of an HTML body" })
  @ApiOkResponse({ type: RenderedEmailView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  render(@Body() input: RenderEmailDto): Promise<RenderedEmailView> {
    return this.nats.request(EmailSubjects.Render, input);
  }

  @Post('events')
  @HttpCode(200)
  @RequireScopes('email:write')
  @ApiOperation({
    summary: 'Record delivery status updates (delivered, soft_bounce, hard_bounce, complaint)',
    description:
      'Each row is checked on its own: good rows are applied, bad rows (invalid fields, unknown message ids) are listed in `rejected`. A batch without any good row is a 422.',
  })
  @ApiOkResponse({ type: DeliveryEventsResultView })
  @ApiRoutedProblemResponses(400, 401, 403, 422)
  recordDeliveryEvents(@Body() input: DeliveryEventsDto): Promise<DeliveryEventsResultView> {
    return this.nats.request(EmailSubjects.RecordDeliveryEvents, input);
  }

  @Get('campaigns/:id/stats')
  @RequireScopes('email:read')
  @ApiOperation({ summary: 'Open statistics of a campaign, each rate with its definition' })
  @ApiOkResponse({ type: CampaignStatsView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  campaignStats(@Param() params: EmailIdDto): Promise<CampaignStatsView> {
    return this.nats.request(EmailSubjects.CampaignStats, params);
  }

  @Get('contacts/:id/engagement')
  @RequireScopes('email:read')
  @ApiOperation({ summary: "A contact's opens across campaigns" })
  @ApiOkResponse({ type: ContactEngagementView })
  @ApiRoutedProblemResponses(400, 401, 403)
  contactEngagement(@Param() params: EmailContactIdDto): Promise<ContactEngagementView> {
    return this.nats.request(EmailSubjects.ContactEngagement, params);
  }

  @Put('contacts/:id/tracking')
  @RequireScopes('email:write')
  @ApiOperation({ summary: 'Set do-not-track for a contact (the pixel still answers)' })
  @ApiOkResponse({ type: ContactTrackingView })
  @ApiRoutedProblemResponses(400, 401, 403)
  setContactTracking(
    @Param() { id }: EmailContactIdDto,
    @Body() input: ContactTrackingDto,
  ): Promise<ContactTrackingView> {
    return this.nats.request(EmailSubjects.SetContactTracking, {
      contactId: id,
      doNotTrack: input.doNotTrack,
    });
  }

  @Delete('contacts/:id/tracking-data')
  @RequireScopes('email:write')
  @ApiOperation({ summary: "Erase a contact's open history" })
  @ApiOkResponse({ type: ErasedTrackingView })
  @ApiRoutedProblemResponses(400, 401, 403)
  eraseContactTracking(@Param() params: EmailContactIdDto): Promise<ErasedTrackingView> {
    return this.nats.request(EmailSubjects.EraseContactTracking, params);
  }

  @Get('consent')
  @RequireScopes('email:read')
  @ApiOperation({ summary: 'The global tracking mode' })
  @ApiOkResponse({ type: ConsentView })
  @ApiRoutedProblemResponses(401, 403)
  getConsent(): Promise<ConsentView> {
    return this.nats.request(EmailSubjects.GetConsent, {});
  }

  @Put('consent')
  @RequireScopes('email:write')
  @ApiOperation({ summary: 'Switch tracking off, to anonymous counts, or to individual' })
  @ApiOkResponse({ type: ConsentView })
  @ApiRoutedProblemResponses(400, 401, 403)
  setConsent(@Body() input: ConsentDto): Promise<ConsentView> {
    return this.nats.request(EmailSubjects.SetConsent, input);
  }
}
