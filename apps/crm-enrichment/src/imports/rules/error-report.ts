import { csvRecord } from '@sales-suite/contracts/core';

/** The columns of an import's error report (`GET /v1/crm/imports/:id/errors.csv`). */
export const ERROR_REPORT_COLUMNS = ['row', 'column', 'field', 'reason'] as const;

/** A rejected row as stored: the file's header of the offending column when known, and the field. */
export interface RowRejection {
  row: number;
  column: string | null;
  field: string | null;
  reason: string;
}

/** `unsafeCell` names a cell of a column that is not imported by its number: "column 3". */
const NUMBERED_COLUMN = /^column (\d+)$/;

/**
 * The header of the column a row error is about: the column the field was read from, or the
 * numbered column; null when the file has no such column (e.g. a failure of the whole import).
 */
export function errorColumn(
  field: string | null,
  columns: readonly (string | null)[],
  headers: readonly string[],
): string | null {
  if (field === null) return null;
  const numbered = NUMBERED_COLUMN.exec(field);
  const index = numbered ? Number(numbered[1]) - 1 : columns.indexOf(field);
  return headers[index] ?? null;
}

/**
 * One page of the report as CSV records, formula-safe and RFC 4180-quoted: the header first on
 * the first page. Records are added while the page stays under `maxBytes` (at least one, so a page
 * always moves on); `taken` says how many.
 */
export function errorReportChunk(
  rejections: readonly RowRejection[],
  first: boolean,
  maxBytes: number,
): { chunk: string; taken: number } {
  let chunk = first ? csvRecord(ERROR_REPORT_COLUMNS) : '';
  let bytes = Buffer.byteLength(chunk);
  let taken = 0;
  for (const { row, column, field, reason } of rejections) {
    const record = csvRecord([String(row), column ?? '', field ?? '', reason]);
    const size = Buffer.byteLength(record);
    if (taken > 0 && bytes + size > maxBytes) break;
    chunk += record;
    bytes += size;
    taken++;
  }
  return { chunk, taken };
}
