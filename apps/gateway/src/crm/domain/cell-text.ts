/**
 * A spreadsheet cell's value as the text an import reads, the way a person sees it in the sheet.
 * The shapes are exceljs' cell values, declared here so that this stays a pure function.
 */
export type SpreadsheetValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { richText: { text: string }[] }
  | { text: unknown; hyperlink: string }
  | { formula: string; result?: unknown }
  | { sharedFormula: string; result?: unknown }
  | { error: string };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Dates: exceljs gives a sheet's wall-clock time as UTC, so it is written back as such —
 * `2024-03-05` for a day, `2024-03-05T14:30:00` with a time. Numbers: integers in full (a phone
 * or an ID typed as a number keeps every digit, no exponent below 10^21), fractions cut to 15
 * significant digits so floating-point noise (`12.300000000000001`) does not show. Booleans:
 * `true`/`false`. A formula reads as its result; an error (`#N/A`) reads as empty.
 */
export function cellText(value: SpreadsheetValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    if (seconds === 0) return day;
    return `${day}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as SpreadsheetValue);
  if ('error' in value) return '';
  if ('result' in value) return cellText(value.result as SpreadsheetValue);
  return '';
}
