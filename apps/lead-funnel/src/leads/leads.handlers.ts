import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddCommitteeMemberRequest,
  CreateLeadDto,
  LeadHistoryView,
  LeadIdDto,
  LeadSubjects,
  LeadView,
  ListLeadsQueryDto,
  Page,
  RecordEngagementRequest,
  ScoreRequest,
  ScoreView,
  TransitionLeadRequest,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { LeadQueries } from './lead-queries.service';
import { LeadsService } from './leads.service';

/** NATS request handlers; payloads are validated by the service's global pipe. */
@Controller()
export class LeadsHandlers {
  constructor(
    private readonly leads: LeadsService,
    private readonly queries: LeadQueries,
  ) {}

  @MessagePattern(LeadSubjects.CreateLead)
  create(@Payload() input: CreateLeadDto, @Actor() actor: string): Promise<LeadView> {
    return this.leads.create(input, actor);
  }

  @MessagePattern(LeadSubjects.ListLeads)
  list(@Payload() query: ListLeadsQueryDto): Promise<Page<LeadView>> {
    return this.queries.list(query);
  }

  @MessagePattern(LeadSubjects.GetLead)
  get(@Payload() { id }: LeadIdDto): Promise<LeadView> {
    return this.queries.get(id);
  }

  @MessagePattern(LeadSubjects.GetHistory)
  history(@Payload() { id }: LeadIdDto): Promise<LeadHistoryView> {
    return this.queries.history(id);
  }

  @MessagePattern(LeadSubjects.GetScore)
  score(@Payload() request: ScoreRequest): Promise<ScoreView> {
    return this.queries.score(request);
  }

  @MessagePattern(LeadSubjects.Transition)
  transition(@Payload() request: TransitionLeadRequest, @Actor() actor: string): Promise<LeadView> {
    return this.leads.transition(request, actor);
  }

  @MessagePattern(LeadSubjects.RecordEngagement)
  recordEngagement(
    @Payload() request: RecordEngagementRequest,
    @Actor() actor: string,
  ): Promise<LeadView> {
    return this.leads.recordEngagement(request, actor);
  }

  @MessagePattern(LeadSubjects.AddCommitteeMember)
  addCommitteeMember(
    @Payload() request: AddCommitteeMemberRequest,
    @Actor() actor: string,
  ): Promise<LeadView> {
    return this.leads.addCommitteeMember(request, actor);
  }
}
