import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInt32 } from '../common/integers';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, TERM_STATUSES, TermStatus } from '../glossary/term.dto';
import { LEAD_STAGES, LeadStage } from './lead-vocabulary';

export const REASON_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

export class StageTransitionsDto {
  @ApiProperty({ enum: LEAD_STAGES })
  @IsIn(LEAD_STAGES)
  from: LeadStage;

  @ApiProperty({ enum: LEAD_STAGES, isArray: true })
  @IsArray()
  @ArrayMaxSize(LEAD_STAGES.length)
  @ArrayUnique()
  @IsIn(LEAD_STAGES, { each: true })
  to: LeadStage[];
}

const TERM_SLUG_MESSAGE = 'termSlug must be a glossary slug (kebab-case)';

/** A stage named by a glossary term. */
export class StageTermDto {
  @ApiProperty({ enum: LEAD_STAGES, example: 'closed_lost' })
  @IsIn(LEAD_STAGES)
  stage: LeadStage;

  @ApiProperty({ example: 'closed-lost', pattern: SLUG_PATTERN.source })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: TERM_SLUG_MESSAGE })
  termSlug: string;
}

/** A lost reason named by a glossary term. */
export class LostReasonTermDto {
  @ApiProperty({ example: 'lost_to_competitor' })
  @IsString()
  @MaxLength(60)
  reason: string;

  @ApiProperty({ example: 'closed-lost', pattern: SLUG_PATTERN.source })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: TERM_SLUG_MESSAGE })
  termSlug: string;
}

/** Which stage may follow which, and the reasons a lead may be lost for. */
export class FunnelDefinitionDto {
  @ApiProperty({ type: [StageTransitionsDto] })
  @IsArray()
  @ArrayMaxSize(LEAD_STAGES.length)
  @ValidateNested({ each: true })
  @Type(() => StageTransitionsDto)
  transitions: StageTransitionsDto[];

  @ApiProperty({ type: [String], example: ['no_budget', 'lost_to_competitor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @MaxLength(60, { each: true })
  @Matches(REASON_PATTERN, { each: true, message: 'each lost reason must be snake_case' })
  lostReasons: string[];

  @ApiPropertyOptional({
    type: [StageTermDto],
    description:
      'The glossary term naming each stage (stages left out have none). Omitted: the current ' +
      'links stay. Each slug must be a live, non-deprecated glossary term (422 otherwise).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEAD_STAGES.length)
  @ValidateNested({ each: true })
  @Type(() => StageTermDto)
  stages?: StageTermDto[];

  @ApiPropertyOptional({
    type: [LostReasonTermDto],
    description:
      'The glossary term naming each lost reason (one of `lostReasons`). Omitted: the current ' +
      'links of the reasons still listed stay.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LostReasonTermDto)
  lostReasonTerms?: LostReasonTermDto[];
}

/** The linked glossary term as the glossary answers it now. */
export class LinkedTermView {
  @ApiProperty({ example: 'Closed Lost' }) name: string;
  @ApiProperty() definition: string;
  @ApiProperty({ enum: TERM_STATUSES }) status: TermStatus;
}

export class StageTermView {
  @ApiProperty({ enum: LEAD_STAGES }) stage: LeadStage;
  @ApiProperty({ example: 'closed-lost' }) termSlug: string;
  @ApiProperty({
    type: LinkedTermView,
    nullable: true,
    description: 'null when the glossary did not answer (`termsAvailable` false).',
  })
  term: LinkedTermView | null;
}

export class LostReasonTermView {
  @ApiProperty() reason: string;
  @ApiProperty({ example: 'closed-lost' }) termSlug: string;
  @ApiProperty({ type: LinkedTermView, nullable: true }) term: LinkedTermView | null;
}

export class FunnelDefinitionView {
  @ApiProperty() version: number;
  @ApiProperty({ type: [StageTransitionsDto] }) transitions: StageTransitionsDto[];
  @ApiProperty({ type: [String] }) lostReasons: string[];
  @ApiProperty({ type: [StageTermView] }) stages: StageTermView[];
  @ApiProperty({ type: [LostReasonTermView] }) lostReasonTerms: LostReasonTermView[];
  @ApiProperty({
    description:
      'false when the glossary did not answer: the links are listed, their terms are null.',
  })
  termsAvailable: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** `funnel.vocabulary.changed` as the glossary validates it (see funnel-vocabulary.events.ts). */
export class FunnelVocabularyUseDto {
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN)
  termSlug: string;

  @IsIn(['stage', 'lostReason'])
  kind: 'stage' | 'lostReason';

  @IsString()
  @MaxLength(60)
  key: string;
}

export class FunnelVocabularyChangedDto {
  @IsInt32(1)
  version: number;

  @IsArray()
  @ArrayMaxSize(LEAD_STAGES.length + 50)
  @ValidateNested({ each: true })
  @Type(() => FunnelVocabularyUseDto)
  uses: FunnelVocabularyUseDto[];
}

export const FUNNEL_GROUP_BY = ['source', 'territory', 'owner'] as const;
export type FunnelGroupBy = (typeof FUNNEL_GROUP_BY)[number];

export class FunnelStatsQueryDto {
  @ApiProperty({
    format: 'date-time',
    description: 'Cohort start (inclusive): lead creation time.',
  })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'Cohort end (exclusive).' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiPropertyOptional({ enum: FUNNEL_GROUP_BY })
  @IsOptional()
  @IsIn(FUNNEL_GROUP_BY)
  groupBy?: FunnelGroupBy;
}

export class StageConversionView {
  @ApiProperty({ enum: LEAD_STAGES }) from: LeadStage;
  @ApiProperty({ enum: LEAD_STAGES }) to: LeadStage;
  @ApiProperty({ description: 'Cohort leads that ever entered `from`.' }) entered: number;
  @ApiProperty({ description: 'Of those, leads that ever moved from `from` directly to `to`.' })
  converted: number;
  @ApiProperty({ nullable: true, type: Number }) rate: number | null;
}

export class FunnelStatsGroupView {
  @ApiProperty({ nullable: true, type: String, description: 'Group value (null: unassigned).' })
  key: string | null;
  @ApiProperty() leads: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byStage: Record<LeadStage, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  reached: Record<LeadStage, number>;
  @ApiProperty({
    type: [StageConversionView],
    description: 'One per move the funnel definition allows, in the order of its transitions.',
  })
  conversions: StageConversionView[];
  @ApiProperty() won: number;
  @ApiProperty() lost: number;
  @ApiProperty({ nullable: true, type: Number }) winRate: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true } })
  medianSecondsInStage: Record<LeadStage, number | null>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  lostReasons: Record<string, number>;
}

export class FunnelStatsView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ enum: [...FUNNEL_GROUP_BY, null], nullable: true }) groupBy: FunnelGroupBy | null;
  @ApiProperty({
    description: 'Version of the funnel definition whose transitions conversions follow.',
  })
  definitionVersion: number;
  @ApiProperty({ type: FunnelStatsGroupView }) overall: FunnelStatsGroupView;
  @ApiProperty({ type: [FunnelStatsGroupView] }) groups: FunnelStatsGroupView[];
}

export class ProjectionRebuildView {
  @ApiProperty() leads: number;
  @ApiProperty() events: number;
  @ApiProperty() durationMs: number;
}
