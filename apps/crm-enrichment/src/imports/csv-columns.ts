import { emailRefusal, unsafeTextReason } from '@sales-suite/contracts';
import { analyzeEmail } from '../rules/email.rules';
import {
  COMPANY_FIELDS,
  CONTACT_IMPORT_FIELDS,
  fieldOfHeader,
  headerConfidence,
  IMPORT_FIELDS,
  ImportField,
  PHONE_FIELDS,
} from './rules/export-headers';

export { headerKey } from './rules/export-headers';
export type { ImportField } from './rules/export-headers';

/** What a column is imported as: a field, `ignore` (not imported at all) or null (a custom field). */
export type ColumnTarget = ImportField | 'ignore' | null;

/** A person's choice per header, overriding detection. */
export type MappingOverride = Record<string, string>;

export interface ColumnMapping {
  /** Column index → what the column is imported as. */
  columns: ColumnTarget[];
  /** Column index → how sure the match is (1 when a person chose it, 0 for no field). */
  confidence: number[];
  /** Header → field (or `ignore`), for display. */
  mapped: Record<string, ImportField | 'ignore'>;
  /** Headers of no known field: their cells are kept per contact as custom fields. */
  ignored: string[];
  /** Second columns for a field already taken (by a better-ranked spelling): kept as custom fields. */
  duplicated: string[];
  /** A file must identify contacts: an email column is required (imports match on it). */
  missing: ImportField[];
}

/** The override's entries that name no column of the file or no field, as violations. */
export function mappingViolations(
  headers: string[],
  mapping: MappingOverride,
): { field: string; reason: string }[] {
  const present = new Set(headers);
  return Object.entries(mapping).flatMap(([header, target]) => {
    if (!present.has(header))
      return [{ field: `mapping.${header}`, reason: 'the file has no such column' }];
    if (target !== 'ignore' && !(IMPORT_FIELDS as readonly string[]).includes(target))
      return [
        {
          field: `mapping.${header}`,
          reason: `"${target}" is not a field: use one of ${IMPORT_FIELDS.join(', ')} or ignore`,
        },
      ];
    return [];
  });
}

/**
 * Matches a CSV header row to import fields, case-, space- and punctuation-insensitively; a
 * person's mapping (checked by `mappingViolations`) overrides it column by column. When two
 * columns name one field, the chosen one or else the better-ranked spelling takes it and the other
 * is kept as custom.
 */
export function mapColumns(headers: string[], override: MappingOverride = {}): ColumnMapping {
  const columns: ColumnTarget[] = headers.map(() => null);
  const confidence = headers.map(() => 0);
  const ignored: string[] = [];
  const taken = new Map<ImportField, { index: number; rank: number }>();
  headers.forEach((header, index) => {
    const chosen = override[header];
    if (chosen === 'ignore') {
      columns[index] = 'ignore';
      confidence[index] = 1;
      return;
    }
    const known = chosen ? { field: chosen as ImportField, rank: -1 } : fieldOfHeader(header);
    if (!known) {
      if (header.trim()) ignored.push(header);
      return;
    }
    const holder = taken.get(known.field);
    if (holder && holder.rank <= known.rank) return;
    taken.set(known.field, { index, rank: known.rank });
  });
  for (const [field, { index, rank }] of taken) {
    columns[index] = field;
    confidence[index] = rank < 0 ? 1 : headerConfidence(headers[index]);
  }
  const mapped: Record<string, ImportField | 'ignore'> = {};
  const duplicated: string[] = [];
  headers.forEach((header, index) => {
    const target = columns[index];
    if (target) mapped[header] = target;
    else if (override[header] || fieldOfHeader(header)) duplicated.push(header);
  });
  return {
    columns,
    confidence,
    mapped,
    ignored,
    duplicated,
    missing: taken.has('email') ? [] : ['email'],
  };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'oui', 'ja', 'si']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '', 'non', 'nein']);

type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];
type CompanyField = (typeof COMPANY_FIELDS)[number];
export type RowInput = Partial<Record<ContactImportField, string | boolean>>;

export interface RowValues {
  /** Contact fields; `phone` is the first of phone, direct, mobile and corporate phone present. */
  input: RowInput;
  phones: Partial<Record<(typeof PHONE_FIELDS)[number], string>>;
  company: Partial<Record<CompanyField, string>>;
  lifecycleStage: string | null;
  createDate: string | null;
  /**
   * Header → cell, kept on the contact: the columns imported as no field, and the stage and create
   * date (the contact view shows them; leads read them). Blank cells are left out.
   */
  custom: Record<string, string>;
  /** Header → cell of the company columns, kept as custom when the row links no account. */
  companyCells: Record<string, string>;
}

const isContactField = (field: ImportField): field is ContactImportField =>
  (CONTACT_IMPORT_FIELDS as readonly string[]).includes(field);
const isPhoneField = (field: ImportField): field is (typeof PHONE_FIELDS)[number] =>
  (PHONE_FIELDS as readonly string[]).includes(field);
const isCompanyField = (field: ImportField): field is CompanyField =>
  (COMPANY_FIELDS as readonly string[]).includes(field);

/** One CSV row as import values; a cell that cannot be read is reported with its field. */
export function rowToInput(
  cells: string[],
  columns: ColumnTarget[],
  headers: string[] = [],
): { values: RowValues; error: { field: string; reason: string } | null } {
  const values: RowValues = {
    input: {},
    phones: {},
    company: {},
    lifecycleStage: null,
    createDate: null,
    custom: {},
    companyCells: {},
  };
  const { input } = values;
  for (let index = 0; index < columns.length; index++) {
    const field = columns[index];
    const cell = (cells[index] ?? '').trim();
    const header = headers[index] || `column ${index + 1}`;
    if (field === 'ignore') continue;
    if (!field) {
      if (cell) values.custom[header] = cell;
      continue;
    }
    if (field === 'doNotContact') {
      const word = cell.toLowerCase();
      if (TRUE_WORDS.has(word)) input.doNotContact = true;
      else if (!FALSE_WORDS.has(word))
        return { values, error: { field, reason: `"${cell}" is not yes/no` } };
      continue;
    }
    if (!cell) continue;
    if (isContactField(field)) input[field] = cell;
    else if (isPhoneField(field)) values.phones[field] = cell;
    else if (isCompanyField(field)) {
      values.company[field] = cell;
      values.companyCells[header] = cell;
    } else {
      values[field] = cell;
      values.custom[header] = cell;
    }
  }
  if (!input.phone) {
    const phone = PHONE_FIELDS.map((kind) => values.phones[kind]).find(Boolean);
    if (phone) input.phone = phone;
  }
  if (!input.email) return { values, error: { field: 'email', reason: 'email is empty' } };
  const { reason } = analyzeEmail(input.email as string);
  if (reason) return { values, error: { field: 'email', reason: emailRefusal('email', reason) } };
  return { values, error: null };
}

/**
 * The first cell of a row that cannot be stored (a NUL byte, a lone surrogate), named by its field
 * (or its column number when the column is not imported), or null.
 */
export function unsafeCell(
  cells: string[],
  columns: ColumnTarget[],
): { field: string; reason: string } | null {
  for (let index = 0; index < cells.length; index++) {
    const reason = unsafeTextReason(cells[index]);
    const field = columns[index];
    if (reason)
      return { field: field && field !== 'ignore' ? field : `column ${index + 1}`, reason };
  }
  return null;
}
