import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInt32, INT32_MAX } from '../common/integers';
import { PageQueryDto, QueryBoolean } from '../common/pagination';

export const TERM_STATUSES = ['draft', 'approved', 'deprecated'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** SKOS-style typed links; each type has an inverse kept on the other term. */
export const RELATION_TYPES = ['related', 'broader', 'narrower', 'see-also'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;
export const DEFINITION_MAX_LENGTH = 2000;
export const DETAILS_MAX_LENGTH = 20000;
export const LABEL_MAX_LENGTH = 200;
export const MAX_LABELS = 50;
export const MAX_RELATIONS = 100;
export const MAX_SOURCES = 20;
/** Labels and tags travel in `|`-separated CSV cells, so they cannot contain one. */
const NO_PIPE = /^[^|]*$/;
const SLUG_MESSAGE = 'must be kebab-case: lowercase letters, digits and single hyphens';

export class TermSlugDto {
  @ApiProperty({
    example: 'sales-champion',
    pattern: SLUG_PATTERN.source,
    maxLength: SLUG_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: `slug ${SLUG_MESSAGE}` })
  slug: string;
}

export class TermRelationDto {
  @ApiProperty({ enum: RELATION_TYPES, example: 'related' })
  @IsIn(RELATION_TYPES)
  type: RelationType;

  @ApiProperty({ example: 'closed-lost', pattern: SLUG_PATTERN.source })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: `slug ${SLUG_MESSAGE}` })
  slug: string;
}

export class TermSourceDto {
  @ApiProperty({ example: 'https://www.w3.org/TR/skos-reference/', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url: string;

  @ApiProperty({ example: 'SKOS Reference', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;
}

/** Every field a person edits; `slug` is the identity and never changes. */
export class TermFieldsDto {
  @ApiProperty({ example: 'Sales Champion', maxLength: LABEL_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(LABEL_MAX_LENGTH)
  @Matches(NO_PIPE, { message: 'name must not contain "|"' })
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

  @ApiPropertyOptional({
    description: 'Markdown',
    maxLength: DETAILS_MAX_LENGTH,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(DETAILS_MAX_LENGTH)
  details?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['Champion'],
    maxItems: MAX_LABELS,
    description: 'Alternative labels (SKOS altLabel), e.g. `SKO` for Sales Kickoff.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LABELS)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LABEL_MAX_LENGTH, { each: true })
  @Matches(NO_PIPE, { each: true, message: 'aliases must not contain "|"' })
  aliases?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['sales champoin'],
    maxItems: MAX_LABELS,
    description: 'Common misspellings: found by search and annotate, never displayed.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LABELS)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LABEL_MAX_LENGTH, { each: true })
  @Matches(NO_PIPE, { each: true, message: 'hiddenLabels must not contain "|"' })
  hiddenLabels?: string[];

  @ApiPropertyOptional({
    example: 'Buying process',
    maxLength: 100,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['b2b'], maxItems: MAX_LABELS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LABELS)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @Matches(NO_PIPE, { each: true, message: 'tags must not contain "|"' })
  tags?: string[];

  @ApiPropertyOptional({
    type: [TermRelationDto],
    maxItems: MAX_RELATIONS,
    description:
      'Typed links to other terms by slug; the inverse link is kept on the other term ' +
      '(broader ↔ narrower, related ↔ related, see-also ↔ see-also). Unknown slugs are a 422.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RELATIONS)
  @ValidateNested({ each: true })
  @Type(() => TermRelationDto)
  relations?: TermRelationDto[];

  @ApiPropertyOptional({ type: [TermSourceDto], maxItems: MAX_SOURCES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SOURCES)
  @ValidateNested({ each: true })
  @Type(() => TermSourceDto)
  sources?: TermSourceDto[];

  @ApiPropertyOptional({ enum: TERM_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(TERM_STATUSES)
  status?: TermStatus;

  @ApiPropertyOptional({
    example: 'sales-kickoff',
    nullable: true,
    type: String,
    description: 'Only for a deprecated term: the slug of the term that replaces it.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: `replacedBy ${SLUG_MESSAGE}` })
  replacedBy?: string | null;
}

export class CreateTermDto extends TermFieldsDto {
  @ApiProperty({
    example: 'sales-champion',
    pattern: SLUG_PATTERN.source,
    maxLength: SLUG_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: `slug ${SLUG_MESSAGE}` })
  slug: string;
}

/** PATCH body: any subset of the fields; `null` clears `details`, `category` or `replacedBy`. */
export class UpdateTermDto extends PartialType(TermFieldsDto) {}

/** Gateway → service: the change, and the version the caller's If-Match named (null for `*`). */
export class UpdateTermRequestDto extends TermSlugDto {
  @IsOptional()
  @IsInt32(1)
  expectedVersion: number | null;

  @ValidateNested()
  @Type(() => UpdateTermDto)
  changes: UpdateTermDto;
}

export class DeleteTermRequestDto extends TermSlugDto {
  @IsOptional()
  @IsInt32(1)
  expectedVersion: number | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: `replacedBy ${SLUG_MESSAGE}` })
  replacedBy?: string | null;
}

/** `DELETE /v1/glossary/terms/{slug}?replacedBy=…`: the term that takes over where it is used. */
export class DeleteTermQueryDto {
  @ApiPropertyOptional({
    example: 'lost-deal',
    description:
      'Required when the term is used (e.g. by a funnel stage): the live term the uses move to.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: `replacedBy ${SLUG_MESSAGE}` })
  replacedBy?: string;
}

/** Service → glossary: several terms by slug (`glossary.term.resolve`). */
export class ResolveTermsRequestDto {
  @IsArray()
  @ArrayMaxSize(MAX_RELATIONS)
  @IsString({ each: true })
  @MaxLength(SLUG_MAX_LENGTH, { each: true })
  slugs: string[];
}

/** A live term as another service needs it; slugs that are not live terms are left out. */
export interface ResolvedTermView {
  slug: string;
  name: string;
  definition: string;
  status: TermStatus;
  replacedBy: string | null;
}

/** Where another service uses a term; a deleted or deprecated term in use needs a replacement. */
export class TermUseView {
  @ApiProperty({ example: 'lead-funnel' }) service: string;
  @ApiProperty({ example: 'funnel stage closed_lost' }) description: string;
}

export class RevisionRefDto extends TermSlugDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: INT32_MAX })
  @Type(() => Number)
  @IsInt32(1)
  n: number;
}

export class RestoreRevisionRequestDto extends RevisionRefDto {
  @IsOptional()
  @IsInt32(1)
  expectedVersion: number | null;
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

  @ApiPropertyOptional({
    default: false,
    description:
      'Also list deleted terms, as their last revision left them, with `deletedAt`; the filters ' +
      'apply to those fields. Restore one with `POST /v1/glossary/terms/{slug}/restore`.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

export class TermRelationView {
  @ApiProperty({ enum: RELATION_TYPES, example: 'related' }) type: RelationType;
  @ApiProperty({ example: 'closed-lost' }) slug: string;
}

export class TermSourceView {
  @ApiProperty({ example: 'https://www.w3.org/TR/skos-reference/' }) url: string;
  @ApiProperty({ example: 'SKOS Reference' }) title: string;
}

/** What the glossary answers for one term. */
export class TermView {
  @ApiProperty({ example: 'sales-champion' }) slug: string;
  @ApiProperty({ example: 'Sales Champion' }) name: string;
  @ApiProperty() definition: string;
  @ApiProperty({ nullable: true, type: String }) details: string | null;
  @ApiProperty({ type: [String], example: ['Champion'] }) aliases: string[];
  @ApiProperty({ type: [String], example: ['sales champoin'] }) hiddenLabels: string[];
  @ApiProperty({ nullable: true, type: String, example: 'Buying process' })
  category: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [TermRelationView] }) relations: TermRelationView[];
  @ApiProperty({ type: [TermSourceView] }) sources: TermSourceView[];
  @ApiProperty({ enum: TERM_STATUSES }) status: TermStatus;
  @ApiProperty({ nullable: true, type: String, example: null }) replacedBy: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only on a deleted term, listed with `includeDeleted=true`.',
  })
  deletedAt?: string;
  @ApiPropertyOptional({
    type: [TermUseView],
    description:
      'Only on `GET /v1/glossary/terms/{slug}`: where other services use the term (the funnel ' +
      'stages and lost reasons linked to it); absent when they did not answer.',
  })
  usedBy?: TermUseView[];
}

export class TermPageView {
  @ApiProperty({ type: [TermView] }) items: TermView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class CategoryCountView {
  @ApiProperty({ example: 'Buying process' }) category: string;
  @ApiProperty({ example: 2 }) count: number;
}

export class CategoriesView {
  @ApiProperty({ type: [CategoryCountView] }) items: CategoryCountView[];
}
