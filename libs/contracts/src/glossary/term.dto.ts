import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';

export const TERM_STATUSES = ['draft', 'approved', 'deprecated'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;
export const DEFINITION_MAX_LENGTH = 2000;

export class TermSlugDto {
  @ApiProperty({
    example: 'sales-champion',
    pattern: SLUG_PATTERN.source,
    maxLength: SLUG_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, {
    message: 'slug must be kebab-case: lowercase letters, digits and single hyphens',
  })
  slug: string;
}

export class CreateTermDto extends TermSlugDto {
  @ApiProperty({ example: 'Sales Champion', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example:
      "A Sales Champion is an influential individual within a customer's organization who passionately supports and promotes your solution.",
    maxLength: DEFINITION_MAX_LENGTH,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(DEFINITION_MAX_LENGTH)
  definition: string;

  @ApiPropertyOptional({ description: 'Markdown', maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  details?: string;

  @ApiPropertyOptional({ type: [String], example: ['Champion'], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ example: 'Sales process', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ type: [String], example: ['b2b'], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: TERM_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(TERM_STATUSES)
  status?: TermStatus;
}

export class ListTermsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Sales process' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ enum: TERM_STATUSES })
  @IsOptional()
  @IsIn(TERM_STATUSES)
  status?: TermStatus;

  @ApiPropertyOptional({ example: 'b2b' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;
}

/** What the glossary answers for one term. */
export class TermView {
  @ApiProperty({ example: 'sales-champion' }) slug: string;
  @ApiProperty({ example: 'Sales Champion' }) name: string;
  @ApiProperty() definition: string;
  @ApiProperty({ nullable: true, type: String }) details: string | null;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: TERM_STATUSES }) status: TermStatus;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TermPageView {
  @ApiProperty({ type: [TermView] }) items: TermView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
