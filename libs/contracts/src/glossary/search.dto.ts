import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsInt32 } from '../common/integers';

export const SEARCH_MAX_RESULTS = 50;
export const SUGGEST_MAX_RESULTS = 10;
export const ANNOTATE_MAX_CHARS = 100_000;

export class SearchQueryDto {
  @ApiProperty({ example: 'champoin', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_RESULTS, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, SEARCH_MAX_RESULTS)
  limit?: number;
}

export const MATCH_KINDS = ['exact', 'prefix', 'text', 'fuzzy'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export class SearchHitView {
  @ApiProperty({ example: 'sales-champion' }) slug: string;
  @ApiProperty({ example: 'Sales Champion' }) name: string;
  @ApiProperty({ example: 1.42, description: 'Higher is better; comparable within one answer.' })
  score: number;
  @ApiProperty({
    enum: MATCH_KINDS,
    example: 'fuzzy',
    description: 'exact name/alias > prefix > full text > typo tolerant',
  })
  match: MatchKind;
  @ApiProperty({
    example: 'A Sales <mark>Champion</mark> is an influential individual…',
    description: 'Definition excerpt, HTML-escaped, query words wrapped in `<mark>`.',
  })
  snippet: string;
}

export class SearchResultView {
  @ApiProperty({ type: [SearchHitView] }) items: SearchHitView[];
}

export class SuggestQueryDto {
  @ApiProperty({ example: 'sal', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  prefix: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SUGGEST_MAX_RESULTS, default: SUGGEST_MAX_RESULTS })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, SUGGEST_MAX_RESULTS)
  limit?: number;
}

export class SuggestionView {
  @ApiProperty({ example: 'sales-kickoff' }) slug: string;
  @ApiProperty({ example: 'Sales Kickoff' }) name: string;
  @ApiProperty({ example: 'SKO', description: 'The name or alias the prefix matched.' })
  label: string;
}

export class SuggestResultView {
  @ApiProperty({ type: [SuggestionView] }) items: SuggestionView[];
}

export class AnnotateDto {
  @ApiProperty({
    example: 'We met their Sales Champion at the SKO; the deal is not Closed Lost yet.',
    maxLength: ANNOTATE_MAX_CHARS,
  })
  @IsString()
  @MaxLength(ANNOTATE_MAX_CHARS)
  text: string;
}

export class MentionView {
  @ApiProperty({ example: 'sales-champion' }) slug: string;
  @ApiProperty({ example: 13, description: 'UTF-16 offset of the first character' })
  start: number;
  @ApiProperty({ example: 27, description: 'UTF-16 offset after the last character' })
  end: number;
  @ApiProperty({ example: 'Sales Champion', description: 'The text as written' })
  matched: string;
}

export class AnnotateResultView {
  @ApiProperty({ type: [MentionView] }) mentions: MentionView[];
}
