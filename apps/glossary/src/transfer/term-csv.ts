import {
  csvRecord,
  formulaSafeCellText,
  TERM_CSV_COLUMNS,
  TermView,
  validationFailed,
} from '@sales-suite/contracts';
import { parse } from 'csv-parse/sync';

/**
 * The CSV form of a term (export and import share it): one column per field, lists joined with
 * `|` (labels and tags cannot contain one), relations as `type:slug`, sources as a JSON array.
 */
const LIST_SEPARATOR = '|';

type CsvRecord = Record<(typeof TERM_CSV_COLUMNS)[number], string>;

export function termToCsvRecord(term: TermView): CsvRecord {
  return {
    slug: term.slug,
    name: term.name,
    definition: term.definition,
    details: term.details ?? '',
    aliases: term.aliases.join(LIST_SEPARATOR),
    hiddenLabels: term.hiddenLabels.join(LIST_SEPARATOR),
    category: term.category ?? '',
    tags: term.tags.join(LIST_SEPARATOR),
    relations: term.relations.map(({ type, slug }) => `${type}:${slug}`).join(LIST_SEPARATOR),
    sources: term.sources.length > 0 ? JSON.stringify(term.sources) : '',
    status: term.status,
    replacedBy: term.replacedBy ?? '',
  };
}

export function csvHeader(): string {
  return csvRecord(TERM_CSV_COLUMNS);
}

/** Records only (no header): export pages are concatenated after one header. */
export function termsToCsvRecords(terms: TermView[]): string {
  return terms
    .map((term) => {
      const record = termToCsvRecord(term);
      return csvRecord(TERM_CSV_COLUMNS.map((column) => record[column]));
    })
    .join('');
}

function list(cell: string | undefined): string[] | undefined {
  if (cell === undefined) return undefined;
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Sources must be a JSON array; anything else is passed on as is and refused by validation. */
function sources(cell: string | undefined): unknown {
  if (cell === undefined || cell.trim() === '') return undefined;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return cell;
  }
}

/** A CSV record as the JSON import row it stands for: empty cells are absent fields. */
export function csvRecordToRow(record: Partial<CsvRecord>): Record<string, unknown> {
  const row: Record<string, unknown> = {
    slug: record.slug,
    name: record.name,
    definition: record.definition,
    details: record.details || undefined,
    aliases: list(record.aliases),
    hiddenLabels: list(record.hiddenLabels),
    category: record.category || undefined,
    tags: list(record.tags),
    relations: list(record.relations)?.map((item) => {
      const separator = item.indexOf(':');
      return separator === -1
        ? { type: item, slug: '' }
        : { type: item.slice(0, separator), slug: item.slice(separator + 1) };
    }),
    sources: sources(record.sources),
    status: record.status || undefined,
    replacedBy: record.replacedBy || undefined,
  };
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

/**
 * Parses a CSV import: a header naming known columns (slug, name and definition required), then
 * one term per record. Malformed CSV is a VALIDATION_FAILED naming the line. Cells lose the
 * formula-safe quote the export added.
 */
export function parseTermsCsv(csv: string): Record<string, unknown>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((column) => column.trim()),
      bom: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    throw validationFailed([{ field: 'csv', reason: (error as Error).message }]);
  }
  const columns = records.length > 0 ? Object.keys(records[0]) : [];
  const known = new Set<string>(TERM_CSV_COLUMNS);
  const violations = [
    ...columns
      .filter((column) => !known.has(column))
      .map((column) => ({ field: `csv.${column}`, reason: `unknown column "${column}"` })),
    ...(['slug', 'name', 'definition'] as const)
      .filter((column) => records.length > 0 && !columns.includes(column))
      .map((column) => ({
        field: `csv.${column}`,
        reason: `required column "${column}" is missing`,
      })),
  ];
  if (violations.length > 0) throw validationFailed(violations);
  return records.map((record) =>
    csvRecordToRow(
      Object.fromEntries(
        Object.entries(record).map(([column, cell]) => [column, formulaSafeCellText(cell)]),
      ),
    ),
  );
}
