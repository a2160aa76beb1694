import {
  detectSource,
  ExportSource,
  fieldOfHeader,
  HEADER_SYNONYMS,
  headerConfidence,
  headerKey,
  ImportField,
} from './export-headers';

/** Header rows as each tool writes them (column subsets, in the tool's order). */
export const EXPORT_HEADERS: Record<Exclude<ExportSource, 'generic'>, string[]> = {
  hubspot: [
    'Record ID',
    'First Name',
    'Last Name',
    'Email',
    'Phone Number',
    'Mobile Phone Number',
    'Job Title',
    'Company Name',
    'Website URL',
    'Industry',
    'Number of Employees',
    'Annual Revenue',
    'City',
    'Country/Region',
    'Lifecycle Stage',
    'Lead Status',
    'Contact owner',
    'Create Date',
  ],
  salesforce: [
    'Lead ID',
    'First Name',
    'Last Name',
    'Title',
    'Company / Account',
    'Email',
    'Phone',
    'Mobile',
    'Lead Status',
    'Lead Source',
    'Industry',
    'No. of Employees',
    'Annual Revenue',
    'Website',
    'City',
    'Country',
    'Lead Owner',
    'Create Date',
  ],
  pipedrive: [
    'Person - Name',
    'Person - First name',
    'Person - Last name',
    'Person - Email - Work',
    'Person - Phone - Work',
    'Person - Phone - Mobile',
    'Person - Job title',
    'Organization - Name',
    'Organization - Website',
    'Person - Owner',
    'Person - Label',
  ],
  apollo: [
    'First Name',
    'Last Name',
    'Title',
    'Company',
    'Email',
    'Email Status',
    'Work Direct Phone',
    'Mobile Phone',
    'Corporate Phone',
    'Stage',
    '# Employees',
    'Industry',
    'Website',
    'City',
    'Country',
    'Company City',
    'Company Country',
    'Annual Revenue',
    'Apollo Contact Id',
    'Apollo Account Id',
  ],
  sales_navigator: [
    'First Name',
    'Last Name',
    'Email',
    'Title',
    'Company',
    'Company Website',
    'Profile URL',
  ],
  close: [
    'lead_id',
    'lead_name',
    'status_label',
    'url',
    'primary_contact_name',
    'primary_contact_title',
    'primary_contact_primary_email',
    'primary_contact_primary_phone',
  ],
};

describe('fieldOfHeader', () => {
  it.each<[string, ImportField | null]>([
    ['Email', 'email'],
    ['Person - Email - Work', 'email'],
    ['primary_contact_primary_email', 'email'],
    ['Company Name', 'companyName'],
    ['Company / Account', 'companyName'],
    ['Account Name', 'companyName'],
    ['Organization - Name', 'companyName'],
    ['lead_name', 'companyName'],
    ['Website URL', 'companyDomain'],
    ['Organization - Website', 'companyDomain'],
    ['No. of Employees', 'companyEmployees'],
    ['# Employees', 'companyEmployees'],
    ['Number of Employees', 'companyEmployees'],
    ['Annual Revenue', 'companyRevenue'],
    ['Company City', 'companyCity'],
    ['Company Country', 'companyCountry'],
    ['Industry', 'companyIndustry'],
    ['Mobile Phone Number', 'mobilePhone'],
    ['Mobile', 'mobilePhone'],
    ['Person - Phone - Mobile', 'mobilePhone'],
    ['Work Direct Phone', 'directPhone'],
    ['Corporate Phone', 'corporatePhone'],
    ['Person - Phone - Work', 'phone'],
    ['Mailing City', 'city'],
    ['Mailing Country', 'country'],
    ['Lifecycle Stage', 'lifecycleStage'],
    ['LIFECYCLE-STAGE', 'lifecycleStage'],
    ['Lead Status', 'lifecycleStage'],
    ['status_label', 'lifecycleStage'],
    ['Stage', 'lifecycleStage'],
    ['Create Date', 'createDate'],
    ['Created Date', 'createDate'],
    ['Lead Owner', 'ownerId'],
    ['Record ID', null],
    ['Email Status', null],
    ['Profile URL', null],
  ])('%p → %s', (header, field) => {
    expect(fieldOfHeader(header)?.field ?? null).toBe(field);
  });

  it('ranks HubSpot "Lifecycle Stage" before "Lead Status" and a contact owner before an account owner', () => {
    expect(fieldOfHeader('Lifecycle Stage')!.rank).toBeLessThan(fieldOfHeader('Lead Status')!.rank);
    expect(fieldOfHeader('Contact Owner')!.rank).toBeLessThan(fieldOfHeader('Account Owner')!.rank);
  });

  it('gives each spelling to one field only', () => {
    const owners = new Map<string, string[]>();
    for (const [field, names] of Object.entries(HEADER_SYNONYMS))
      for (const name of names)
        owners.set(headerKey(name), [...(owners.get(headerKey(name)) ?? []), field]);
    expect([...owners].filter(([, fields]) => fields.length > 1)).toEqual([]);
  });

  it('ignores case, accents and punctuation', () => {
    expect(headerKey(' Phone_Number ')).toBe('phonenumber');
    expect(headerKey('\uFEFFPrénom')).toBe('prenom');
    expect(headerKey('Company / Account')).toBe('companyaccount');
  });
});

describe('headerConfidence', () => {
  it.each([
    ['Email', 0.95],
    ['Website URL', 0.95],
    ['Stage', 0.6],
    ['Company', 0.6],
    ['URL', 0.6],
  ])('%p → %p', (header, confidence) => {
    expect(headerConfidence(header)).toBe(confidence);
  });
});

describe('detectSource', () => {
  it.each(Object.entries(EXPORT_HEADERS))('a %s export', (source, headers) => {
    expect(detectSource(headers)).toBe(source);
  });

  it.each([[['Email', 'First Name', 'Last Name']], [['email', 'notes']]])(
    'a spreadsheet %p is generic',
    (headers) => {
      expect(detectSource(headers)).toBe('generic');
    },
  );
});
