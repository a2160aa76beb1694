import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { IsInt32 } from '../common/integers';
import { RawText } from '../common/validation';

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
