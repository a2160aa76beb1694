import { Body, Param, Query } from '@nestjs/common';
import {
  AddCommitteeMemberDto,
  CreateLeadDto,
  LeadHistoryView,
  LeadIdDto,
  LeadPageView,
  LeadSubjects,
  LeadView,
  ListLeadsQueryDto,
  RecordEngagementDto,
  ScoreQueryDto,
  ScoreView,
  TransitionLeadDto,
} from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

@RoutesController('leads', 'v1/leads')
export class LeadsController {
  @Forward('POST', '', LeadSubjects.CreateLead, {
    operationId: 'createLead',
    scope: 'leads:write',
    summary: 'Create a lead',
    description:
      'Starts the lead’s event stream; known CRM fit attributes, territory and owner are applied.',
    answers: {
      type: LeadView,
      headers: { Location: { description: 'URL of the lead', schema: { type: 'string' } } },
    },
    problems: [400, 401, 403],
    location: (lead: LeadView) => `/v1/leads/${lead.id}`,
  })
  create(@Body() input: CreateLeadDto) {
    return input;
  }

  @Forward('GET', '', LeadSubjects.ListLeads, {
    operationId: 'listLeads',
    scope: 'leads:read',
    summary: 'List leads (creation order, cursor pagination, filters)',
    answers: LeadPageView,
    problems: [400, 401, 403],
  })
  list(@Query() query: ListLeadsQueryDto) {
    return query;
  }

  @Forward('GET', ':id', LeadSubjects.GetLead, {
    operationId: 'getLead',
    scope: 'leads:read',
    summary: 'Get a lead (read model)',
    answers: LeadView,
    problems: [400, 401, 403, 404],
  })
  get(@Param() params: LeadIdDto) {
    return params;
  }

  @Forward('GET', ':id/history', LeadSubjects.GetHistory, {
    operationId: 'getLeadHistory',
    scope: 'leads:read',
    summary: 'The lead’s events, in stream order',
    answers: LeadHistoryView,
    problems: [400, 401, 403, 404],
  })
  history(@Param() params: LeadIdDto) {
    return params;
  }

  @Forward('GET', ':id/score', LeadSubjects.GetScore, {
    operationId: 'getLeadScore',
    scope: 'leads:read',
    summary: 'The lead’s score now (or at `at`) with every contribution',
    description: 'Computed from the lead’s events and the current scoring model.',
    answers: ScoreView,
    problems: [400, 401, 403, 404],
  })
  score(@Param() params: LeadIdDto, @Query() query: ScoreQueryDto) {
    return { ...query, id: params.id };
  }

  @Forward('POST', ':id/transitions', LeadSubjects.Transition, {
    operationId: 'transitionLead',
    scope: 'leads:write',
    summary: 'Move the lead to another stage',
    description:
      '409 LEAD_TRANSITION_NOT_ALLOWED names the allowed stages; closed_lost needs a configured reason; `expectedVersion` guards against concurrent changes (409 LEAD_VERSION_CONFLICT).',
    answers: LeadView,
    problems: [400, 401, 403, 404, 409],
  })
  transition(@Param() params: LeadIdDto, @Body() input: TransitionLeadDto) {
    return { ...input, id: params.id };
  }

  @Forward('POST', ':id/engagements', LeadSubjects.RecordEngagement, {
    operationId: 'recordEngagement',
    scope: 'leads:write',
    summary: 'Record an engagement (meeting booked, form submitted, visit, ...)',
    answers: LeadView,
    problems: [400, 401, 403, 404, 409],
  })
  recordEngagement(@Param() params: LeadIdDto, @Body() input: RecordEngagementDto) {
    return { ...input, id: params.id };
  }

  @Forward('POST', ':id/committee', LeadSubjects.AddCommitteeMember, {
    operationId: 'addCommitteeMember',
    scope: 'leads:write',
    summary: 'Add a buying-committee member (optionally the Sales Champion)',
    answers: LeadView,
    problems: [400, 401, 403, 404, 409],
  })
  addCommitteeMember(@Param() params: LeadIdDto, @Body() input: AddCommitteeMemberDto) {
    return { ...input, id: params.id };
  }
}
