import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInt32 } from '../common/integers';
import { ENGAGEMENT_TYPES, EngagementType, FIT_ATTRIBUTES, FitAttribute } from './lead-vocabulary';
import type { EngagementCap, EngagementRule, FitRule, ScoringModel } from './scoring-model';

export const RULE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_POINTS = 1000;
const finite = { allowNaN: false, allowInfinity: false } as const;

export class FitRuleDto implements FitRule {
  @ApiProperty({ example: 'senior-buyer', pattern: RULE_ID_PATTERN.source })
  @MaxLength(60)
  @Matches(RULE_ID_PATTERN, { message: 'id must be kebab-case' })
  id: string;

  @ApiProperty({ enum: FIT_ATTRIBUTES })
  @IsIn(FIT_ATTRIBUTES, { message: `attribute must be one of: ${FIT_ATTRIBUTES.join(', ')}` })
  attribute: FitAttribute;

  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'boolean' }] },
    example: ['vp', 'c_suite'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  values: (string | boolean)[];

  @ApiProperty({ example: 15, minimum: -MAX_POINTS, maximum: MAX_POINTS })
  @IsNumber(finite)
  @Min(-MAX_POINTS)
  @Max(MAX_POINTS)
  points: number;
}

export class EngagementCapDto implements EngagementCap {
  @ApiProperty({ example: 15, description: 'Most points (absolute) one period may count.' })
  @IsNumber(finite)
  @IsPositive()
  @Max(100 * MAX_POINTS)
  points: number;

  @ApiProperty({ example: 7, description: 'Period length; periods start at 1970-01-01T00:00Z.' })
  @IsInt32(1, 366)
  periodDays: number;
}

export class EngagementRuleDto implements EngagementRule {
  @ApiProperty({ example: 'email-open', pattern: RULE_ID_PATTERN.source })
  @MaxLength(60)
  @Matches(RULE_ID_PATTERN, { message: 'id must be kebab-case' })
  id: string;

  @ApiProperty({ enum: ENGAGEMENT_TYPES })
  @IsIn(ENGAGEMENT_TYPES, { message: `event must be one of: ${ENGAGEMENT_TYPES.join(', ')}` })
  event: EngagementType;

  @ApiProperty({ example: 5, minimum: -MAX_POINTS, maximum: MAX_POINTS })
  @IsNumber(finite)
  @Min(-MAX_POINTS)
  @Max(MAX_POINTS)
  points: number;

  @ApiProperty({ example: 14, description: 'Days after which an event counts half.' })
  @IsNumber(finite)
  @IsPositive({ message: 'halfLifeDays must be a positive number' })
  @Max(3650)
  halfLifeDays: number;

  @ApiPropertyOptional({ type: EngagementCapDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EngagementCapDto)
  cap?: EngagementCapDto;
}

export class CommitteeBonusDto {
  @ApiProperty({ example: 5, description: 'Per distinct committee role that engaged.' })
  @IsNumber(finite)
  @Min(0)
  @Max(MAX_POINTS)
  pointsPerRole: number;

  @ApiProperty({ example: 20 })
  @IsNumber(finite)
  @Min(0)
  @Max(10 * MAX_POINTS)
  maxPoints: number;
}

export class ChampionBonusDto {
  @ApiProperty({ example: 10 })
  @IsNumber(finite)
  @Min(0)
  @Max(MAX_POINTS)
  points: number;
}

export class QualificationDto {
  @ApiProperty({ example: 50, description: 'An engaged lead at or above this becomes an MQL.' })
  @IsNumber(finite)
  @Min(0)
  @Max(100 * MAX_POINTS)
  mqlThreshold: number;

  @ApiProperty({
    example: 10,
    description: 'An automatic MQL falls back to engaged only below threshold − hysteresis.',
  })
  @IsNumber(finite)
  @Min(0)
  @Max(100 * MAX_POINTS)
  hysteresis: number;
}

export class ScoringModelDto implements ScoringModel {
  @ApiProperty({ type: [FitRuleDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FitRuleDto)
  fit: FitRuleDto[];

  @ApiProperty({ type: [EngagementRuleDto] })
  @IsArray()
  @ArrayMaxSize(ENGAGEMENT_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => EngagementRuleDto)
  engagement: EngagementRuleDto[];

  // ValidateNested alone lets a missing object through; the scorer then fails on every lead.
  @ApiProperty({ type: CommitteeBonusDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CommitteeBonusDto)
  committee: CommitteeBonusDto;

  @ApiProperty({ type: ChampionBonusDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ChampionBonusDto)
  champion: ChampionBonusDto;

  @ApiProperty({ type: QualificationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => QualificationDto)
  qualification: QualificationDto;
}

export class ScoringModelView {
  @ApiProperty() version: number;
  @ApiProperty({ type: ScoringModelDto }) model: ScoringModelDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The re-score job this change started.' })
  rescoreJobId?: string;
}

export const RESCORE_JOB_STATUSES = ['running', 'completed', 'superseded', 'failed'] as const;
export type RescoreJobStatus = (typeof RESCORE_JOB_STATUSES)[number];

export class ScoringJobIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class RescoreJobView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() modelVersion: number;
  @ApiProperty({ enum: RESCORE_JOB_STATUSES }) status: RescoreJobStatus;
  @ApiProperty({ description: 'Leads to re-score when the job started.' }) total: number;
  @ApiProperty() processed: number;
  @ApiProperty({ description: 'processed / total (1 when there is nothing to do).' })
  progress: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
}
