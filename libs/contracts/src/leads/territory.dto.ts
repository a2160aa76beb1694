import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID_PATTERN } from './lead.dto';
import { EMPLOYEE_RANGE_PATTERN, REGIONS, Region } from './lead-vocabulary';
import { RESCORE_JOB_STATUSES, RescoreJobStatus } from './scoring.dto';

export const TERRITORY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every criterion given must match (each is any-of); a rule without criteria matches all. */
export class TerritoryRuleDto {
  @ApiPropertyOptional({ type: [String], example: ['DE', 'AT', 'CH'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each country must be ISO-3166 alpha-2' })
  countries?: string[];

  @ApiPropertyOptional({ enum: REGIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REGIONS.length)
  @IsIn(REGIONS, { each: true })
  regions?: Region[];

  @ApiPropertyOptional({ type: [String], example: ['software'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  industries?: string[];

  @ApiPropertyOptional({ type: [String], example: ['51-200', '201-500'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(EMPLOYEE_RANGE_PATTERN, {
    each: true,
    message: 'each employee range must look like 51-200 or 10001+',
  })
  employeeRanges?: string[];
}

export class TerritoryDto {
  @ApiProperty({ example: 'dach-mid-market', pattern: TERRITORY_ID_PATTERN.source })
  @MaxLength(60)
  @Matches(TERRITORY_ID_PATTERN, { message: 'id must be kebab-case' })
  id: string;

  @ApiProperty({ example: 'DACH mid-market' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [TerritoryRuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TerritoryRuleDto)
  rules: TerritoryRuleDto[];

  @ApiProperty({ type: [String], example: ['ana@example.com', 'ben@example.com'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @MaxLength(100, { each: true })
  @Matches(EXTERNAL_ID_PATTERN, { each: true, message: 'each owner id must be an id' })
  owners: string[];
}

/** Territories in priority order: a lead goes to the first one with a matching rule. */
export class TerritoriesDto {
  @ApiProperty({ type: [TerritoryDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TerritoryDto)
  territories: TerritoryDto[];
}

export class TerritoriesView {
  @ApiProperty() version: number;
  @ApiProperty({ type: [TerritoryDto] }) territories: TerritoryDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The job this change started to reassign open leads (`GET /v1/territories/jobs/:id`).',
  })
  reassignJobId?: string;
}

export class TerritoryJobIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class TerritoryJobView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() territoriesVersion: number;
  @ApiProperty({ enum: RESCORE_JOB_STATUSES }) status: RescoreJobStatus;
  @ApiProperty({ description: 'Open leads when the job started.' }) total: number;
  @ApiProperty({ description: 'Open leads looked at so far.' }) processed: number;
  @ApiProperty({ description: 'Of those, leads moved to another territory or owner.' })
  reassigned: number;
  @ApiProperty({ description: 'processed / total (1 when there is nothing to do).' })
  progress: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
}
