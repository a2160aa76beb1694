import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { RawText } from '../common/validation';

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_CSV_CHARS = 512 * 1024;
export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The CSV columns, in order, of both export and import. Lists are `|`-separated. */
export const TERM_CSV_COLUMNS = [
  'slug',
  'name',
  'definition',
  'details',
  'aliases',
  'hiddenLabels',
  'category',
  'tags',
  'relations',
  'sources',
  'status',
  'replacedBy',
] as const;

export class ImportQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Report what would change; write nothing.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

/** Gateway → service. Rows are validated one by one in the service so errors name the row. */
export class ImportRequestDto {
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(IMPORT_MAX_ROWS)
  rows?: unknown[];

  @IsOptional()
  @IsString()
  @MaxLength(IMPORT_MAX_CSV_CHARS)
  @RawText()
  csv?: string;

  @IsBoolean()
  dryRun: boolean;
}

export class ImportOutcomeView {
  @ApiProperty({ example: 2, description: '1-based row (data rows; the CSV header is row 0)' })
  row: number;
  @ApiProperty({ example: 'open-rate' }) slug: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] }) outcome:
    'created' | 'updated' | 'unchanged';
}

export class ImportReportView {
  @ApiProperty({ example: false }) dryRun: boolean;
  @ApiProperty({ example: 1 }) created: number;
  @ApiProperty({ example: 1 }) updated: number;
  @ApiProperty({ example: 13 }) unchanged: number;
  @ApiProperty({ type: [ImportOutcomeView] }) rows: ImportOutcomeView[];
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

/** Service → gateway, one page of the export stream. */
export class ExportPageRequestDto {
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
