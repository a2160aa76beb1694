import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { IsInt32 } from '../common/integers';
import { RawText } from '../common/validation';
import { FIELD_VALUE } from './provenance.dto';

export const IMPORT_STATUSES = ['receiving', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_COLUMNS = 100;
export const MAX_IMPORT_CELL_LENGTH = 1000;
/** Rows per `crm.import.rows` request: small enough for NATS' 1 MB message limit. */
export const IMPORT_ROWS_PER_REQUEST = 1000;

/** An array of rows, each an array of at most `maxCells` strings of at most `maxLength`. */
function IsCellRows(maxCells: number, maxLength: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCellRows',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every(
            (row) =>
              Array.isArray(row) &&
              row.length <= maxCells &&
              row.every((cell) => typeof cell === 'string' && cell.length <= maxLength),
          ),
        defaultMessage: () =>
          `rows must be arrays of at most ${maxCells} strings of at most ${maxLength} characters`,
      },
    },
    options,
  );
}

/** Rows a preview shows. */
export const IMPORT_PREVIEW_ROWS = 20;

/** A header → target map of at most `MAX_IMPORT_COLUMNS` string entries (the service checks the names). */
function IsColumnMapping(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isColumnMapping',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= MAX_IMPORT_COLUMNS &&
          Object.entries(value).every(
            ([header, target]) =>
              header.length <= 200 && typeof target === 'string' && target.length <= 50,
          ),
        defaultMessage: () =>
          'mapping must be an object of column header → field name (or "ignore")',
      },
    },
    options,
  );
}

export class StartImportDto {
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fileName: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_COLUMNS)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  headers: string[];

  /** Column header → field or `ignore`, overriding detection. */
  @IsOptional()
  @IsColumnMapping()
  mapping?: Record<string, string>;

  /** Create one lead per contact in the lead funnel, at the stage of the file's lifecycle column. */
  @IsOptional()
  @IsBoolean()
  createLeads?: boolean;
}

export class PreviewImportDto extends StartImportDto {
  @IsArray()
  @ArrayMaxSize(IMPORT_PREVIEW_ROWS)
  @IsCellRows(MAX_IMPORT_COLUMNS, MAX_IMPORT_CELL_LENGTH)
  @RawText()
  rows: string[][];
}

export class AppendImportRowsDto {
  @IsUUID()
  importId: string;

  /** 1-based number of the first row in the file (the header is row 1). */
  @IsInt32(2)
  firstRowNumber: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(IMPORT_ROWS_PER_REQUEST)
  @IsCellRows(MAX_IMPORT_COLUMNS, MAX_IMPORT_CELL_LENGTH)
  @RawText()
  rows: string[][];
}

export class FinishImportDto {
  @IsUUID()
  importId: string;

  @IsInt32(0)
  totalRows: number;
}

export class ImportIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

/** Gateway → service, one page of an import's error report, after a row number. */
export class ImportErrorsPageDto {
  @IsUUID()
  id: string;

  @IsOptional()
  @IsInt32(0)
  afterRow?: number;
}

/** Service → gateway: CSV records (the first page starts with the header), and where to go on. */
export interface ImportErrorsPage {
  chunk: string;
  nextAfterRow: number | null;
}

export class ImportErrorView {
  @ApiProperty({ description: 'Row number in the file (the header is row 1)' }) row: number;
  @ApiProperty({ nullable: true, type: String }) field: string | null;
  @ApiProperty() reason: string;
}

export class ImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
  @ApiProperty() fileName: string;
  @ApiProperty({
    description: 'Header → contact field',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  columns: Record<string, string>;
  @ApiProperty({
    type: [String],
    description: 'Headers of no known field: kept per contact as custom fields',
  })
  ignoredColumns: string[];
  @ApiProperty({
    type: [String],
    description: 'Second columns for a field another column takes: kept as custom fields',
  })
  duplicatedColumns: string[];
  @ApiProperty({ description: 'Data rows received' }) total: number;
  @ApiProperty() processed: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [ImportErrorView], description: 'The first 1,000 row errors' })
  errors: ImportErrorView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

export class ImportAcceptedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
}

export class ImportColumnView {
  @ApiProperty() header: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The field it fills, `ignore` (not imported), or null (kept as a custom field)',
  })
  field: string | null;
  @ApiProperty({
    description: '1 when chosen in `mapping`, 0.95 a distinctive header, 0.6 a loose one, 0 none',
  })
  confidence: number;
}

export class ImportPreviewRowView {
  @ApiProperty({ description: 'Row number in the file (the header is row 1)' }) row: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: FIELD_VALUE },
    description: 'Contact fields as they would be stored (before enrichment rules)',
  })
  contact: Record<string, string | boolean | null>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Account fields the row proposes, and the domain it links by',
  })
  account: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  custom: Record<string, string>;
  @ApiProperty({ nullable: true, type: ImportErrorView, description: 'Why the row would fail' })
  error: { field: string; reason: string } | null;
}

export class ImportPreviewView {
  @ApiProperty({
    enum: ['hubspot', 'salesforce', 'pipedrive', 'apollo', 'sales_navigator', 'close', 'generic'],
  })
  source: string;
  @ApiProperty({ type: [ImportColumnView] }) columns: ImportColumnView[];
  @ApiProperty({ type: [String] }) ignoredColumns: string[];
  @ApiProperty({ type: [String] }) duplicatedColumns: string[];
  @ApiProperty({
    type: [ImportPreviewRowView],
    description: `The first ${IMPORT_PREVIEW_ROWS} rows`,
  })
  rows: ImportPreviewRowView[];
}
