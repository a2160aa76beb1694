import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsInt32 } from '../common/integers';
import { PageQueryDto } from '../common/pagination';
import type { ContactFitAttributes } from '../crm/crm.events';
import { CONTRIBUTION_KINDS, ContributionKind } from './scoring-model';
import {
  COMMITTEE_ROLES,
  CommitteeRole,
  ENGAGEMENT_TYPES,
  EngagementType,
  LEAD_EVENT_TYPES,
  LEAD_SOURCES,
  LEAD_STAGES,
  LeadEventType,
  LeadSource,
  LeadStage,
} from './lead-vocabulary';

/** CRM ids and owner ids are opaque to the funnel: letters, digits and `-_.:@`. */
export const EXTERNAL_ID_PATTERN = /^[\w.:@-]+$/;
const EXTERNAL_ID_MESSAGE = 'must hold only letters, digits and - _ . : @';
export const MAX_AMOUNT = 1_000_000_000_000;

export class LeadIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CreateLeadDto {
  @ApiProperty({ enum: LEAD_SOURCES })
  @IsIn(LEAD_SOURCES)
  source: LeadSource;

  @ApiPropertyOptional({ example: 'c-1042', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `contactId ${EXTERNAL_ID_MESSAGE}` })
  contactId?: string;

  @ApiPropertyOptional({ example: 'a-77', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `accountId ${EXTERNAL_ID_MESSAGE}` })
  accountId?: string;

  @ApiPropertyOptional({
    example: 'ana@example.com',
    description: 'An explicit owner; otherwise the territory assigns one round-robin.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `ownerId ${EXTERNAL_ID_MESSAGE}` })
  ownerId?: string;

  @ApiPropertyOptional({ example: 12000, minimum: 0, maximum: MAX_AMOUNT })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_AMOUNT)
  amount?: number;
}

export class TransitionLeadDto {
  @ApiProperty({ enum: LEAD_STAGES })
  @IsIn(LEAD_STAGES)
  to: LeadStage;

  @ApiPropertyOptional({
    example: 'no_budget',
    description: 'Required for closed_lost: one of the funnel definition’s lost reasons.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reason?: string;

  @ApiPropertyOptional({
    description: 'The stream version the change is based on; a different current version is a 409.',
  })
  @IsOptional()
  @IsInt32(1)
  expectedVersion?: number;
}

export class TransitionLeadRequest extends TransitionLeadDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class RecordEngagementDto {
  @ApiProperty({ enum: ENGAGEMENT_TYPES })
  @IsIn(ENGAGEMENT_TYPES)
  type: EngagementType;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened; default now.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'The committee contact who engaged, if known.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `contactId ${EXTERNAL_ID_MESSAGE}` })
  contactId?: string;
}

export class RecordEngagementRequest extends RecordEngagementDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class AddCommitteeMemberDto {
  @ApiProperty({ example: 'c-2001' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `contactId ${EXTERNAL_ID_MESSAGE}` })
  contactId: string;

  @ApiProperty({ enum: COMMITTEE_ROLES })
  @IsIn(COMMITTEE_ROLES)
  role: CommitteeRole;

  @ApiPropertyOptional({ description: 'This contact is the lead’s Sales Champion.' })
  @IsOptional()
  @IsBoolean()
  champion?: boolean;
}

export class AddCommitteeMemberRequest extends AddCommitteeMemberDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class ScoreQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Score as of this time; default now.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class ScoreRequest extends ScoreQueryDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class ListLeadsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEAD_STAGES })
  @IsOptional()
  @IsIn(LEAD_STAGES)
  stage?: LeadStage;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  territoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactId?: string;

  @ApiPropertyOptional({ description: 'Only leads whose stored total score is at least this.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minScore?: number;
}

export class CommitteeMemberView {
  @ApiProperty() contactId: string;
  @ApiProperty({ enum: COMMITTEE_ROLES }) role: CommitteeRole;
}

/** The lead read model (a projection of the lead's events). */
export class LeadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stream version: the number of events so far.' }) version: number;
  @ApiProperty({ enum: LEAD_SOURCES }) source: LeadSource;
  @ApiProperty({ nullable: true, type: String }) contactId: string | null;
  @ApiProperty({ nullable: true, type: String }) accountId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerId: string | null;
  @ApiProperty({ nullable: true, type: String }) territoryId: string | null;
  @ApiProperty({ enum: LEAD_STAGES }) stage: LeadStage;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt: string;
  @ApiProperty({ nullable: true, type: String }) lostReason: string | null;
  @ApiProperty({ nullable: true, type: Number }) amount: number | null;
  @ApiProperty({ description: 'Fit score when last scored.' }) fitScore: number;
  @ApiProperty() engagementScore: number;
  @ApiProperty() totalScore: number;
  @ApiProperty({ nullable: true, type: Number }) scoreModelVersion: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) scoredAt: string | null;
  @ApiProperty({ type: [CommitteeMemberView] }) committee: CommitteeMemberView[];
  @ApiProperty({ nullable: true, type: String }) championContactId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LeadPageView {
  @ApiProperty({ type: [LeadView] }) items: LeadView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class LeadEventView {
  @ApiProperty({ enum: LEAD_EVENT_TYPES }) type: LeadEventType;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ description: 'Who caused it: an API key name, a consumer or `system`.' })
  actor: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class LeadHistoryView {
  @ApiProperty({ format: 'uuid' }) leadId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [LeadEventView] }) events: LeadEventView[];
}

/** One term of a score: which rule, on which event, how many points before and after decay. */
export class ScoreContributionView {
  @ApiProperty({ enum: CONTRIBUTION_KINDS }) kind: ContributionKind;
  @ApiProperty({ example: 'email-open' }) rule: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Version of the event it came from.' })
  eventVersion: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) occurredAt: string | null;
  @ApiProperty({ description: 'The rule’s points for this event.' }) points: number;
  @ApiProperty({ description: 'Points left after the per-period cap.' }) countedPoints: number;
  @ApiProperty({ description: 'countedPoints × 0.5^(age / half-life).' }) decayedPoints: number;
  @ApiPropertyOptional({
    enum: COMMITTEE_ROLES,
    isArray: true,
    description: 'Committee bonus: roles that engaged.',
  })
  roles?: CommitteeRole[];
}

export class ScoreView {
  @ApiProperty({ format: 'uuid' }) leadId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() modelVersion: number;
  @ApiProperty() fit: number;
  @ApiProperty({ description: 'Engagement rules plus committee and champion bonuses.' })
  engagement: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: [ScoreContributionView] }) contributions: ScoreContributionView[];
}

/** The fit attributes a lead carries (from CRM events), as scoring reads them. */
export type LeadFitAttributes = ContactFitAttributes;
