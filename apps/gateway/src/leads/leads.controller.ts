import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AddCommitteeMemberDto,
  CreateLeadDto,
  LeadHistoryView,
  LeadIdDto,
  LeadPageView,
  LeadSubjects,
  LeadView,
  ListLeadsQueryDto,
  Page,
  RecordEngagementDto,
  ScoreQueryDto,
  ScoreView,
  TransitionLeadDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller, RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('v1/leads')
export class LeadsController {
  constructor(private readonly nats: NatsRequester) {}

  @Post()
  @RequireScopes('leads:write')
  @ApiOperation({
    summary: 'Create a lead',
    description:
      'Starts the lead’s event stream; known CRM fit attributes, territory and owner are applied.',
  })
  @ApiCreatedResponse({ type: LeadView, headers: { Location: { description: 'URL of the lead' } } })
  @ApiRoutedProblemResponses(400, 401, 403)
  async create(
    @Body() input: CreateLeadDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadView> {
    const lead = await this.nats.request<LeadView>(LeadSubjects.CreateLead, input, {
      actor: caller.name,
    });
    void reply.header('location', `/v1/leads/${lead.id}`);
    return lead;
  }

  @Get()
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'List leads (creation order, cursor pagination, filters)' })
  @ApiOkResponse({ type: LeadPageView })
  @ApiRoutedProblemResponses(400, 401, 403)
  list(@Query() query: ListLeadsQueryDto): Promise<Page<LeadView>> {
    return this.nats.request(LeadSubjects.ListLeads, query);
  }

  @Get(':id')
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'Get a lead (read model)' })
  @ApiOkResponse({ type: LeadView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  get(@Param() params: LeadIdDto): Promise<LeadView> {
    return this.nats.request(LeadSubjects.GetLead, params);
  }

  @Get(':id/history')
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'The lead’s events, in stream order' })
  @ApiOkResponse({ type: LeadHistoryView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  history(@Param() params: LeadIdDto): Promise<LeadHistoryView> {
    return this.nats.request(LeadSubjects.GetHistory, params);
  }

  @Get(':id/score')
  @RequireScopes('leads:read')
  @ApiOperation({
    summary: 'The lead’s score now (or at `at`) with every contribution',
    description: 'Computed from the lead’s events and the current scoring model.',
  })
  @ApiOkResponse({ type: ScoreView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  score(@Param() params: LeadIdDto, @Query() query: ScoreQueryDto): Promise<ScoreView> {
    return this.nats.request(LeadSubjects.GetScore, { ...query, id: params.id });
  }

  @Post(':id/transitions')
  @RequireScopes('leads:write')
  @ApiOperation({
    summary: 'Move the lead to another stage',
    description:
      '409 LEAD_TRANSITION_NOT_ALLOWED names the allowed stages; closed_lost needs a configured reason; `expectedVersion` guards against concurrent changes (409 LEAD_VERSION_CONFLICT).',
  })
  @ApiCreatedResponse({ type: LeadView })
  @ApiRoutedProblemResponses(400, 401, 403, 404, 409)
  transition(
    @Param() params: LeadIdDto,
    @Body() input: TransitionLeadDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LeadView> {
    return this.nats.request(
      LeadSubjects.Transition,
      { ...input, id: params.id },
      { actor: caller.name },
    );
  }

  @Post(':id/engagements')
  @RequireScopes('leads:write')
  @ApiOperation({ summary: 'Record an engagement (meeting booked, form submitted, visit, ...)' })
  @ApiCreatedResponse({ type: LeadView })
  @ApiRoutedProblemResponses(400, 401, 403, 404, 409)
  recordEngagement(
    @Param() params: LeadIdDto,
    @Body() input: RecordEngagementDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LeadView> {
    return this.nats.request(
      LeadSubjects.RecordEngagement,
      { ...input, id: params.id },
      { actor: caller.name },
    );
  }

  @Post(':id/committee')
  @RequireScopes('leads:write')
  @ApiOperation({ summary: 'Add a buying-committee member (optionally the Sales Champion)' })
  @ApiCreatedResponse({ type: LeadView })
  @ApiRoutedProblemResponses(400, 401, 403, 404, 409)
  addCommitteeMember(
    @Param() params: LeadIdDto,
    @Body() input: AddCommitteeMemberDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LeadView> {
    return this.nats.request(
      LeadSubjects.AddCommitteeMember,
      { ...input, id: params.id },
      { actor: caller.name },
    );
  }
}
