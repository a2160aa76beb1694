/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return may run as a formula, so the export prefixes it with a single quote.
 * To stay reversible, a cell that already starts with quotes followed by such a character gets one
 * more quote: export adds a quote exactly to the cells matching `'*[=+\-@\t\r]…`, and import
 * removes one quote exactly from the cells matching `'+[=+\-@\t\r]…` — every exported cell that
 * gained a quote matches the second pattern, and no cell left as it was does.
 */
const ESCAPED_ON_EXPORT = /^'*[=+\-@\t\r]/;
const ESCAPED_ON_IMPORT = /^'+[=+\-@\t\r]/;

export function formulaSafeCell(text: string): string {
  return ESCAPED_ON_EXPORT.test(text) ? `'${text}` : text;
}

export function formulaSafeCellText(cell: string): string {
  return ESCAPED_ON_IMPORT.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record, each cell formula-safe then quoted, ended by CRLF (RFC 4180). */
export function csvRecord(values: readonly string[]): string {
  return `${values.map((value) => csvField(formulaSafeCell(value))).join(',')}\r\n`;
}
