import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { postImportFile } from './import.harness';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';

interface ImportView {
  id: string;
  status: string;
  columns: Record<string, string>;
  ignoredColumns: string[];
  duplicatedColumns: string[];
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string | null; reason: string }[];
}

interface AccountView {
  id: string;
  domain: string;
  name: string | null;
  industry: string | null;
  employeeRange: string | null;
  country: string | null;
  city: string | null;
  annualRevenue: string | null;
  provenance: Record<string, { source: string }>;
}

interface ContactView {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  directPhone: string | null;
  mobilePhone: string | null;
  corporatePhone: string | null;
  accountId: string | null;
  custom: Record<string, { value: string; source: string; observedAt: string }>;
}

const FIXTURES = join(__dirname, 'fixtures/exports');

function upload(
  baseUrl: string,
  fileName: string,
  options: { path?: string; mapping?: Record<string, string>; bytes?: Buffer } = {},
) {
  const query = options.mapping
    ? `?mapping=${encodeURIComponent(JSON.stringify(options.mapping))}`
    : '';
  return postImportFile(baseUrl, options.bytes ?? readFileSync(join(FIXTURES, fileName)), {
    fileName,
    pathAndQuery: `${options.path ?? ''}${query}`,
  });
}

describe('CRM imports of the files real tools export', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let db: Client;

  beforeAll(async () => {
    await apps.start('crm-enrichment', { env: { CRM_FRESHNESS_INTERVAL_MS: '0' } });
    gateway = await apps.start('gateway');
    api = apiClient(gateway.url);
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  const importFile = async (fileName: string): Promise<ImportView> => {
    const accepted = await upload(gateway.url, fileName);
    expect(accepted.status).toBe(202);
    return eventually(
      async () => (await api<ImportView>(`/v1/crm/imports/${accepted.body.id as string}`)).body,
      (body) => body.status === 'completed' || body.status === 'failed',
      { timeoutMs: 60_000, intervalMs: 200, description: `${fileName} imported` },
    );
  };

  const contactByEmail = async (email: string): Promise<ContactView> => {
    const { rows } = await db.query(`SELECT id FROM crm.contacts WHERE lower(email) = $1`, [email]);
    if (rows.length !== 1) throw new Error(`${rows.length} contacts have the email ${email}`);
    return (await api<ContactView>(`/v1/crm/contacts/${rows[0].id as string}`)).body;
  };

  const accountOf = async (contact: ContactView): Promise<AccountView> => {
    expect(contact.accountId).toEqual(expect.any(String));
    return (await api<AccountView>(`/v1/crm/accounts/${contact.accountId}`)).body;
  };

  it('a HubSpot contacts export: unknown columns kept as custom fields, a bad row reported', async () => {
    const job = await importFile('hubspot-contacts.csv');
    expect(job).toMatchObject({ status: 'completed', created: 2, failed: 1 });
    expect(job.errors).toEqual([{ row: 4, field: 'email', reason: 'email is empty' }]);
    expect(job.ignoredColumns).toEqual(['Contact ID', 'Associated Company ID', 'HubSpot Score']);
    expect(job.duplicatedColumns).toEqual(['Lead Status']);
    expect(job.columns).toMatchObject({
      Email: 'email',
      'Mobile Phone Number': 'mobilePhone',
      'Company Name': 'companyName',
      'Website URL': 'companyDomain',
      'Lifecycle Stage': 'lifecycleStage',
      'Create Date': 'createDate',
    });
    const hannah = await contactByEmail('hannah.schmidt@hubexample.de');
    expect(hannah).toMatchObject({
      firstName: 'Hannah',
      lastName: 'Schmidt',
      phone: '+49 30 1234567',
      mobilePhone: '+49 151 2345678',
    });
    const kept = (value: string) => ({
      value,
      source: 'import:hubspot-contacts.csv',
      observedAt: expect.any(String),
    });
    expect(hannah.custom).toEqual({
      'Contact ID': kept('51'),
      'Associated Company ID': kept('9001'),
      'HubSpot Score': kept('42'),
      'Lead Status': kept('Open'),
      'Lifecycle Stage': kept('Marketing Qualified Lead'),
      'Create Date': kept('2024-03-05 14:22'),
    });
    expect(await accountOf(hannah)).toMatchObject({
      domain: 'hubexample.de',
      name: 'Hubexample GmbH',
      industry: 'Computer Software',
      employeeRange: '51-200',
      annualRevenue: '5000000',
      provenance: { name: { source: 'import' }, industry: { source: 'import' } },
    });
    const luis = await contactByEmail('luis.gonzalez@hubexample.de');
    expect(luis.accountId).toBe(hannah.accountId);
    expect(luis.lastName).toBe('Gonzalez Peña');
    expect(Object.keys(luis.custom)).not.toContain('Lead Status'); // blank cells are not kept

    const again = await importFile('hubspot-contacts.csv');
    expect(again).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 2 });
    expect((await contactByEmail('hannah.schmidt@hubexample.de')).custom).toEqual(hannah.custom);
  });

  it('a Salesforce leads report, footer lines and all', async () => {
    const job = await importFile('salesforce-leads.csv');
    expect(job).toMatchObject({ status: 'completed', created: 2 });
    expect(job.failed).toBeGreaterThan(0);
    expect(job.errors.every((error) => error.row > 3 && error.field === 'email')).toBe(true);
    expect(job.ignoredColumns).toEqual(['Lead ID', 'Rating']);
    const grace = await contactByEmail('grace.hopper@sfexample.com');
    expect(grace).toMatchObject({ phone: '(415) 555-0101', mobilePhone: '(415) 555-0199' });
    expect(grace.custom['Lead ID'].value).toBe('00Q5g00000AbCdE');
  });

  it.each([
    ['pipedrive-people.csv', 'juergen.mueller@pipeexample.ch', ['Person - Email - Home']],
    [
      'apollo-contacts.csv',
      'maya.chen@apolloexample.io',
      [
        'Company Name for Emails',
        'Email Status',
        'Seniority',
        'Departments',
        'Lists',
        'Keywords',
        'Person Linkedin Url',
        'State',
        'Apollo Contact Id',
        'Apollo Account Id',
      ],
    ],
    ['sales-navigator-leads.csv', 'noor.haddad@navexample.ae', ['Location', 'Profile URL']],
    ['close-leads.csv', 'omar@closeexample.com', ['lead_id']],
  ])('%s', async (fileName, email, ignored) => {
    const job = await importFile(fileName);
    expect(job).toMatchObject({ status: 'completed', created: 1, failed: 0 });
    expect(job.ignoredColumns).toEqual(ignored);
    const contact = await contactByEmail(email);
    expect(Object.keys(contact.custom)).toEqual(expect.arrayContaining(ignored));
    for (const field of Object.values(contact.custom))
      expect(field.source).toBe(`import:${fileName}`);
  });

  it('keeps Apollo’s direct, mobile and corporate phones apart, and its company columns on the account', async () => {
    const maya = await contactByEmail('maya.chen@apolloexample.io');
    expect(await accountOf(maya)).toMatchObject({
      domain: 'apolloexample.io',
      name: 'Apolloexample Inc',
      employeeRange: '51-200',
      city: 'New York',
      country: 'US',
      annualRevenue: '20000000',
    });
    expect(maya).toMatchObject({
      phone: '+1 212 555 0140',
      directPhone: '+1 212 555 0140',
      mobilePhone: '+1 917 555 0141',
      corporatePhone: '+1 212 555 0100',
    });
  });

  describe('preview and override', () => {
    interface PreviewView {
      source: string;
      columns: { header: string; field: string | null; confidence: number }[];
      ignoredColumns: string[];
      duplicatedColumns: string[];
      rows: {
        row: number;
        contact: Record<string, unknown>;
        account: Record<string, string>;
        custom: Record<string, string>;
        error: { field: string; reason: string } | null;
      }[];
    }

    const count = async (table: string) =>
      (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

    it.each([
      ['hubspot-contacts.csv', 'hubspot'],
      ['salesforce-leads.csv', 'salesforce'],
      ['salesforce-contacts.csv', 'salesforce'],
      ['pipedrive-people.csv', 'pipedrive'],
      ['apollo-contacts.csv', 'apollo'],
      ['sales-navigator-leads.csv', 'sales_navigator'],
      ['close-leads.csv', 'close'],
    ])('previews %s as a %s export, writing nothing', async (fileName, source) => {
      const before = [await count('crm.imports'), await count('crm.contacts')];
      const preview = await upload(gateway.url, fileName, { path: '/preview' });
      expect(preview.status).toBe(200);
      expect(preview.body.source).toBe(source);
      expect([await count('crm.imports'), await count('crm.contacts')]).toEqual(before);
    });

    it('shows the mapping with confidence, the custom columns and the rows as they would be stored', async () => {
      const { body } = await upload(gateway.url, 'hubspot-contacts.csv', { path: '/preview' });
      const preview = body as unknown as PreviewView;
      expect(preview.columns).toEqual(
        expect.arrayContaining([
          { header: 'Email', field: 'email', confidence: 0.95 },
          { header: 'Website URL', field: 'companyDomain', confidence: 0.95 },
          { header: 'Lifecycle Stage', field: 'lifecycleStage', confidence: 0.95 },
          { header: 'Lead Status', field: null, confidence: 0 },
          { header: 'Contact ID', field: null, confidence: 0 },
        ]),
      );
      expect(preview.ignoredColumns).toEqual([
        'Contact ID',
        'Associated Company ID',
        'HubSpot Score',
      ]);
      expect(preview.rows).toHaveLength(3);
      expect(preview.rows[0]).toMatchObject({
        row: 2,
        contact: {
          email: 'hannah.schmidt@hubexample.de',
          firstName: 'Hannah',
          phone: '+49 30 1234567',
          mobilePhone: '+49 151 2345678',
        },
        account: { domain: 'hubexample.de', name: 'Hubexample GmbH', employeeRange: '51-200' },
        custom: { 'HubSpot Score': '42', 'Lifecycle Stage': 'Marketing Qualified Lead' },
        error: null,
      });
      expect(preview.rows[2]).toMatchObject({
        row: 4,
        error: { field: 'email', reason: 'email is empty' },
      });
    });

    it('round trip: a mapping previewed, then imported as previewed', async () => {
      const csv = Buffer.from(
        'Courriel pro,Prénom,Notes internes,Société\nmarie.curie@radium-override.fr,Marie,VIP,Radium SA\n',
      );
      const mapping = {
        'Courriel pro': 'email',
        'Notes internes': 'ignore',
        Société: 'companyName',
      };
      const refused = await upload(gateway.url, 'override.csv', { path: '/preview', bytes: csv });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);

      const preview = await upload(gateway.url, 'override.csv', {
        path: '/preview',
        bytes: csv,
        mapping,
      });
      expect(preview.status).toBe(200);
      const shown = preview.body as unknown as PreviewView;
      expect(shown.columns).toEqual([
        { header: 'Courriel pro', field: 'email', confidence: 1 },
        { header: 'Prénom', field: 'firstName', confidence: 0.95 },
        { header: 'Notes internes', field: 'ignore', confidence: 1 },
        { header: 'Société', field: 'companyName', confidence: 1 },
      ]);
      expect(shown.rows[0]).toMatchObject({
        contact: { email: 'marie.curie@radium-override.fr', firstName: 'Marie' },
        account: { name: 'Radium SA' },
        custom: {},
      });

      const accepted = await upload(gateway.url, 'override.csv', { bytes: csv, mapping });
      expect(accepted.status).toBe(202);
      const job = await eventually(
        async () => (await api<ImportView>(`/v1/crm/imports/${accepted.body.id as string}`)).body,
        (view) => view.status === 'completed' || view.status === 'failed',
        { timeoutMs: 60_000, intervalMs: 200, description: 'override import' },
      );
      expect(job).toMatchObject({ status: 'completed', created: 1, ignoredColumns: [] });
      const marie = await contactByEmail('marie.curie@radium-override.fr');
      expect(marie).toMatchObject({ firstName: 'Marie', custom: {} });
      expect(await accountOf(marie)).toMatchObject({
        domain: 'radium-override.fr',
        name: 'Radium SA',
      });
    });

    it('refuses a mapping naming no column or no field, and one that is not JSON', async () => {
      const wrong = await upload(gateway.url, 'hubspot-contacts.csv', {
        path: '/preview',
        mapping: { 'No Such Column': 'email', Email: 'favouriteColour' },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors).toEqual([
        expect.objectContaining({
          field: 'mapping.No Such Column',
          reason: 'the file has no such column',
        }),
        expect.objectContaining({ field: 'mapping.Email' }),
      ]);
      const before = await count('crm.imports');
      const form = new FormData();
      form.append('file', new Blob(['Email\na@b.com\n'], { type: 'text/csv' }), 'x.csv');
      const notJson = await fetch(`${gateway.url}/v1/crm/imports?mapping=%7Bnope`, {
        method: 'POST',
        headers: { authorization: `Bearer ${e2eRun().adminKey}` },
        body: form,
      });
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as { errors: { field: string }[] }).errors[0].field).toBe(
        'mapping',
      );
      expect(await count('crm.imports')).toBe(before);
    });
  });
});
