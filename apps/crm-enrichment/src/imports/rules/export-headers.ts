import { headerKey } from '../../rules/header-key';

export { headerKey };

/**
 * The header rows of the CRM and prospecting tools' contact exports, as pure tables: which column
 * is which field, and which tool a header row most likely comes from. Headers are compared by
 * `headerKey` (case, accents, spaces and punctuation ignored).
 */

/** Contact fields an import fills (account and owner ids are internal; they are set by API). */
export const CONTACT_IMPORT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'title',
  'phone',
  'country',
  'city',
  'ownerId',
  'source',
  'doNotContact',
] as const;

/** Phone kinds kept apart: the contact's `phone` takes the first present in this order. */
export const PHONE_FIELDS = ['directPhone', 'mobilePhone', 'corporatePhone'] as const;

/** Company columns: they describe the contact's account. */
export const COMPANY_FIELDS = [
  'companyName',
  'companyDomain',
  'companyIndustry',
  'companyEmployees',
  'companyRevenue',
  'companyCity',
  'companyCountry',
] as const;

/** Funnel columns, read when leads are created from the file. */
export const LEAD_FIELDS = ['lifecycleStage', 'createDate'] as const;

export type ImportField =
  | (typeof CONTACT_IMPORT_FIELDS)[number]
  | (typeof PHONE_FIELDS)[number]
  | (typeof COMPANY_FIELDS)[number]
  | (typeof LEAD_FIELDS)[number];

export const IMPORT_FIELDS: readonly ImportField[] = [
  ...CONTACT_IMPORT_FIELDS,
  ...PHONE_FIELDS,
  ...COMPANY_FIELDS,
  ...LEAD_FIELDS,
];

/**
 * Header spellings by field. Generic spreadsheet words first, then each tool's own: HubSpot
 * ("Email", "Mobile Phone Number", "Company Name", "Website URL", "Lifecycle Stage", "Create
 * Date"), Salesforce lead and contact reports ("Company / Account", "Account Name", "Mailing
 * City", "Lead Status", "No. of Employees"), Pipedrive ("Person - Email - Work", "Organization -
 * Name"), Apollo ("Work Direct Phone", "Corporate Phone", "# Employees", "Company City", "Stage"),
 * LinkedIn Sales Navigator ("Company", "Geography") and Close ("primary_contact_primary_email",
 * "lead_name", "status_label").
 */
export const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  email: [
    'email',
    'email address',
    'mail',
    'work email',
    'business email',
    'primary email',
    'emails',
    'courriel',
    'person - email',
    'person - email - work',
    'contact email',
    'primary_contact_primary_email',
    'contact_primary_email',
  ],
  firstName: [
    'first name',
    'first',
    'given name',
    'forename',
    'prenom',
    'vorname',
    'nombre',
    'person - first name',
    'primary_contact_first_name',
  ],
  lastName: [
    'last name',
    'last',
    'surname',
    'family name',
    'nom',
    'nachname',
    'apellido',
    'apellidos',
    'person - last name',
    'primary_contact_last_name',
  ],
  fullName: [
    'name',
    'full name',
    'contact name',
    'contact',
    'person',
    'person name',
    'primary_contact_name',
  ],
  title: [
    'title',
    'job title',
    'position',
    'role',
    'job role',
    'designation',
    'poste',
    'titre',
    'fonction',
    'berufsbezeichnung',
    'cargo',
    'person - job title',
    'primary_contact_title',
    'current title',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'tel',
    'work phone',
    'business phone',
    'telefon',
    'telefono',
    'first phone',
    'person - phone',
    'person - phone - work',
    'primary_contact_primary_phone',
    'primary_phone',
  ],
  directPhone: ['direct phone', 'work direct phone', 'direct dial', 'direct line'],
  mobilePhone: [
    'mobile',
    'mobile phone',
    'mobile phone number',
    'mobile number',
    'cell',
    'cell phone',
    'person - phone - mobile',
  ],
  corporatePhone: [
    'corporate phone',
    'company phone',
    'company phone number',
    'organization phone',
    'account phone',
    'hq phone',
  ],
  country: [
    'country',
    'country code',
    'country/region',
    'nation',
    'pays',
    'land',
    'pais',
    'mailing country',
    'person - country',
  ],
  city: ['city', 'town', 'locality', 'ville', 'stadt', 'ciudad', 'mailing city', 'person - city'],
  ownerId: [
    'owner',
    'owner id',
    'contact owner',
    'record owner',
    'lead owner',
    'person - owner',
    'account owner',
  ],
  source: ['source', 'lead source', 'original source', 'contact source'],
  doNotContact: [
    'do not contact',
    'dnc',
    'opt out',
    'unsubscribed',
    'email opt out',
    'do not call',
    'unsubscribed from all email',
  ],
  companyName: [
    'company',
    'company name',
    'company / account',
    'account name',
    'account',
    'organization',
    'organisation',
    'organization name',
    'person - organization',
    'associated company',
    'employer',
    'lead_name',
    'current company',
  ],
  companyDomain: [
    'website',
    'website url',
    'company website',
    'company domain',
    'company domain name',
    'domain',
    'organization - website',
    'url',
  ],
  companyIndustry: ['industry', 'company industry', 'organization - industry'],
  companyEmployees: [
    'employees',
    'number of employees',
    'no. of employees',
    '# employees',
    'employee count',
    'company size',
    'employee range',
    'company headcount',
    'organization - number of employees',
  ],
  companyRevenue: ['annual revenue', 'revenue', 'company revenue', 'organization - annual revenue'],
  companyCity: ['company city', 'account city', 'billing city', 'organization - city'],
  companyCountry: [
    'company country',
    'account country',
    'billing country',
    'organization - country',
  ],
  lifecycleStage: [
    'lifecycle stage',
    'lead status',
    'stage',
    'status',
    'status_label',
    'contact stage',
    'person - label',
  ],
  createDate: [
    'create date',
    'created date',
    'created',
    'created at',
    'date created',
    'created time',
    'person - person created',
  ],
};

const BY_KEY = new Map<string, { field: ImportField; rank: number }>(
  (Object.entries(HEADER_SYNONYMS) as [ImportField, string[]][]).flatMap(([field, names]) =>
    names.map((name, rank) => [headerKey(name), { field, rank }] as const),
  ),
);

/**
 * The field a header names, or null when it is none of the known spellings; `rank` orders the
 * columns of one field (HubSpot's "Lifecycle Stage" before its "Lead Status"): lower wins.
 */
export function fieldOfHeader(header: string): { field: ImportField; rank: number } | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}

/** Spellings that name a field in some files and something else in others: matched, with less confidence. */
const LOOSE_KEYS = new Set(
  [
    'name',
    'contact',
    'person',
    'company',
    'account',
    'organization',
    'status',
    'stage',
    'url',
    'domain',
    'created',
    'source',
    'owner',
    'last',
    'first',
    'role',
    'land',
    'nom',
    'mail',
  ].map(headerKey),
);

/** How sure a header match is: 0.95 for a spelling only that field uses, 0.6 for a loose one. */
export function headerConfidence(header: string): number {
  return LOOSE_KEYS.has(headerKey(header)) ? 0.6 : 0.95;
}

export const EXPORT_SOURCES = [
  'hubspot',
  'salesforce',
  'pipedrive',
  'apollo',
  'sales_navigator',
  'close',
  'generic',
] as const;
export type ExportSource = (typeof EXPORT_SOURCES)[number];

/** Headers only one tool writes: a file with one of them comes from that tool. */
const SIGNATURES: Record<Exclude<ExportSource, 'generic'>, string[]> = {
  hubspot: ['record id', 'lifecycle stage', 'hubspot score', 'associated company', 'website url'],
  salesforce: [
    'lead id',
    'contact id (18)',
    'company / account',
    'mailing city',
    'mailing country',
    'lead owner',
  ],
  pipedrive: ['person - name', 'person - email - work', 'organization - name'],
  apollo: ['apollo contact id', 'apollo account id', 'work direct phone', 'email status'],
  sales_navigator: ['profile url', 'sales navigator url', 'linkedin sales navigator url'],
  close: ['lead_id', 'status_label', 'primary_contact_primary_email', 'lead_name'],
};

/** The tool a header row most likely comes from: the one with the most signature headers. */
export function detectSource(headers: string[]): ExportSource {
  const keys = new Set(headers.map(headerKey));
  const hits = (source: Exclude<ExportSource, 'generic'>) =>
    SIGNATURES[source].filter((name) => keys.has(headerKey(name))).length;
  let best: ExportSource = 'generic';
  let bestHits = 0;
  for (const source of Object.keys(SIGNATURES) as Exclude<ExportSource, 'generic'>[]) {
    const count = hits(source);
    if (count > bestHits) [best, bestHits] = [source, count];
  }
  return best;
}
