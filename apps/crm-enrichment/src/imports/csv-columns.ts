import { emailRefusal, unsafeTextReason } from '@sales-suite/contracts';
import type { ContactInputField } from '../enrichment/contact-rules';
import { analyzeEmail } from '../rules/email.rules';

/** Contact fields an import can fill (account and owner ids are internal; they are set by API). */
export type ImportField = Exclude<ContactInputField, 'accountId'> | 'fullName';

/**
 * Header spellings seen in exports from Salesforce, HubSpot, Pipedrive, Apollo, LinkedIn and
 * spreadsheets, compared after lower-casing and removing spaces, dashes, underscores and dots.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  email: [
    'email',
    'emailaddress',
    'mail',
    'e-mail',
    'workemail',
    'businessemail',
    'primaryemail',
    'emails',
    'courriel',
  ],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'prenom', 'vorname', 'nombre'],
  lastName: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'nom',
    'nachname',
    'apellido',
    'apellidos',
  ],
  fullName: ['name', 'fullname', 'contactname', 'contact', 'person', 'personname'],
  title: [
    'title',
    'jobtitle',
    'position',
    'role',
    'jobrole',
    'designation',
    'poste',
    'titre',
    'fonction',
    'berufsbezeichnung',
    'cargo',
  ],
  phone: [
    'phone',
    'phonenumber',
    'telephone',
    'tel',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cell',
    'cellphone',
    'workphone',
    'directphone',
    'telefon',
    'telefono',
  ],
  country: ['country', 'countrycode', 'countryregion', 'nation', 'pays', 'land', 'pais'],
  city: ['city', 'town', 'locality', 'ville', 'stadt', 'ciudad'],
  ownerId: ['owner', 'ownerid', 'contactowner', 'recordowner', 'accountowner'],
  source: ['source', 'leadsource', 'originalsource', 'contactsource'],
  doNotContact: ['donotcontact', 'dnc', 'optout', 'unsubscribed', 'emailoptout', 'donotcall'],
};

const BY_KEY = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, string[]][]).flatMap(([field, names]) =>
    names.map((name) => [headerKey(name), field] as [string, ImportField]),
  ),
);

export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.:/()*]+/g, '');
}

export interface ColumnMapping {
  /** Column index → field, for recognised columns. */
  columns: (ImportField | null)[];
  /** Header → field, for display. */
  mapped: Record<string, ImportField>;
  unknown: string[];
  duplicated: string[];
  /** A file must identify contacts: an email column is required (imports match on it). */
  missing: ImportField[];
}

/** Matches a CSV header row to contact fields, case-, space- and separator-insensitively. */
export function mapColumns(headers: string[]): ColumnMapping {
  const columns: (ImportField | null)[] = [];
  const mapped: Record<string, ImportField> = {};
  const unknown: string[] = [];
  const duplicated: string[] = [];
  const seen = new Set<ImportField>();
  for (const header of headers) {
    const field = BY_KEY.get(headerKey(header)) ?? null;
    if (!field) {
      if (header.trim()) unknown.push(header);
      columns.push(null);
      continue;
    }
    if (seen.has(field)) duplicated.push(header);
    seen.add(field);
    mapped[header] = field;
    columns.push(field);
  }
  return { columns, mapped, unknown, duplicated, missing: seen.has('email') ? [] : ['email'] };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'oui', 'ja', 'si']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '', 'non', 'nein']);

export type RowInput = Partial<Record<ImportField, string | boolean>>;

/** One CSV row as contact input; a cell that cannot be read is reported with its field. */
export function rowToInput(
  cells: string[],
  columns: (ImportField | null)[],
): { input: RowInput; error: { field: string; reason: string } | null } {
  const input: RowInput = {};
  for (let index = 0; index < columns.length; index++) {
    const field = columns[index];
    const cell = (cells[index] ?? '').trim();
    if (!field) continue;
    if (field === 'doNotContact') {
      const word = cell.toLowerCase();
      if (TRUE_WORDS.has(word)) input.doNotContact = true;
      else if (!FALSE_WORDS.has(word))
        return { input, error: { field, reason: `"${cell}" is not yes/no` } };
      continue;
    }
    if (cell) input[field] = cell;
  }
  if (!input.email) return { input, error: { field: 'email', reason: 'email is empty' } };
  const { reason } = analyzeEmail(input.email as string);
  if (reason) return { input, error: { field: 'email', reason: emailRefusal('email', reason) } };
  return { input, error: null };
}

/**
 * The first cell of a row that cannot be stored (a NUL byte, a lone surrogate), named by its field
 * (or its column number when the column is not imported), or null.
 */
export function unsafeCell(
  cells: string[],
  columns: (ImportField | null)[],
): { field: string; reason: string } | null {
  for (let index = 0; index < cells.length; index++) {
    const reason = unsafeTextReason(cells[index]);
    if (reason) return { field: columns[index] ?? `column ${index + 1}`, reason };
  }
  return null;
}
