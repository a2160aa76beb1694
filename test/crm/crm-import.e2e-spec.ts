import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { postImportFile } from './import.harness';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

interface ImportView {
  id: string;
  status: string;
  columns: Record<string, string>;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string | null; reason: string }[];
}

const DIST = process.env.SALES_SUITE_DIST ?? join(__dirname, '../../dist');
const TITLES = [
  'VP Sales',
  'Sr. Account Executive',
  'SDR',
  'Head of Growth',
  'Software Engineer',
  'CFO',
];
// Domains of this file's own: the contacts at them never meet other files' duplicate checks.
const COMPANIES = [
  'initech-imports.com',
  'globex-imports.com',
  'hooli-imports.com',
  'widgets-imports.io',
];

/** A CSV as a HubSpot-style export: synonyms, odd casing, quoted commas, one bad row per 500. */
function contactsCsv(rows: number): string {
  const lines = [
    'First Name,last_name,E-mail,Job Title,Phone Number,Country/Region,Do Not Contact',
  ];
  for (let i = 1; i <= rows; i++) {
    const bad = i % 500 === 0;
    lines.push(
      [
        `first${i}`,
        `LAST${i}`,
        `first${i}.last${i}@${COMPANIES[i % COMPANIES.length]}`,
        `"${TITLES[i % TITLES.length]}, EMEA"`,
        `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
        i % 2 ? 'Germany' : 'US',
        bad ? 'maybe' : i % 7 === 0 ? 'yes' : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const upload = (baseUrl: string, csv: string, fileName = 'contacts.csv') =>
  postImportFile(baseUrl, csv, { fileName });

describe('CRM bulk import: multipart upload streamed over NATS, processed in the background', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let db: Client;
  const dir = mkdtempSync(join(tmpdir(), 'crm-import-'));

  beforeAll(async () => {
    await apps.start('crm-enrichment', {
      env: { CRM_FRESHNESS_INTERVAL_MS: '0', CRM_IMPORT_BATCH_SIZE: '400' },
    });
    gateway = await apps.start('gateway');
    api = apiClient(gateway.url);
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  const waitForImport = (id: string): Promise<ImportView> =>
    eventually(
      async () => (await api<ImportView>(`/v1/crm/imports/${id}`)).body,
      (body) => body.status === 'completed' || body.status === 'failed',
      { timeoutMs: 60_000, intervalMs: 200, description: `import ${id} to end` },
    );

  it('imports the good rows, reports the bad ones by row number, and re-importing changes nothing', async () => {
    const csv = contactsCsv(2000);
    const accepted = await upload(gateway.url, csv);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ id: expect.any(String), status: 'queued' });
    const done = await waitForImport(accepted.body.id as string);
    expect(done).toMatchObject({
      status: 'completed',
      total: 2000,
      processed: 2000,
      created: 1996,
      updated: 0,
      unchanged: 0,
      failed: 4,
      columns: {
        'First Name': 'firstName',
        last_name: 'lastName',
        'E-mail': 'email',
        'Job Title': 'title',
        'Phone Number': 'phone',
        'Country/Region': 'country',
        'Do Not Contact': 'doNotContact',
      },
    });
    expect(done.errors).toEqual(
      [500, 1000, 1500, 2000].map((n) => ({
        row: n + 1,
        field: 'doNotContact',
        reason: '"maybe" is not yes/no',
      })),
    );

    const contact = await db.query(
      `SELECT fields FROM crm.contacts WHERE email = 'first84.last84@initech-imports.com'`,
    );
    expect(contact.rows).toHaveLength(1);
    const fields = contact.rows[0].fields;
    expect(fields.firstName).toMatchObject({ value: 'First84', source: 'import', locked: false });
    expect(fields.lastName).toMatchObject({ value: 'Last84', source: 'import' });
    expect(fields.title).toMatchObject({ value: 'VP Sales, EMEA', source: 'import' });
    expect(fields.seniority).toMatchObject({ value: 'vp', source: 'rule:title' });
    expect(fields.country).toMatchObject({ value: 'US', source: 'import' });
    expect(fields.phoneE164.value).toBe('+14155551084');
    expect(fields.doNotContact.value).toBe(true);
    expect(fields.accountId.source).toBe('rule:email-domain');
    const accounts = await db.query(`SELECT domain FROM crm.accounts ORDER BY domain`);
    expect(accounts.rows.map((row) => row.domain)).toEqual(expect.arrayContaining(COMPANIES));
    const history = await db.query(
      `SELECT count(*)::int AS n FROM crm.field_history h, jsonb_array_elements(h.changes) c WHERE c->>'reason' = 'import'`,
    );
    expect(history.rows[0].n).toBeGreaterThanOrEqual(1996 * 5);
    expect((await db.query(`SELECT count(*)::int AS n FROM crm.import_rows`)).rows[0].n).toBe(0);

    const versions = await db.query(
      `SELECT sum(version)::int AS v, max(updated_at) AS t FROM crm.contacts`,
    );
    const again = await upload(gateway.url, csv);
    const second = await waitForImport(again.body.id as string);
    expect(second).toMatchObject({
      status: 'completed',
      created: 0,
      updated: 0,
      unchanged: 1996,
      failed: 4,
    });
    const after = await db.query(
      `SELECT sum(version)::int AS v, max(updated_at) AS t FROM crm.contacts`,
    );
    expect(after.rows[0]).toEqual(versions.rows[0]);
  });

  it('a person’s values survive an import; an import updates what it imported before', async () => {
    const created = await api<{ id: string }>('/v1/crm/contacts', {
      body: { email: 'ada.lovelace@globex.com', title: 'CTO' },
    });
    const csv =
      'Email,Title,City\nada.lovelace@globex.com,Intern,London\nADA.LOVELACE@GLOBEX.COM,Intern,Paris\n';
    const done = await waitForImport((await upload(gateway.url, csv)).body.id as string);
    expect(done).toMatchObject({ status: 'completed', created: 0, updated: 2, failed: 0 });
    const contact = await api<{ title: string; city: string; seniority: string }>(
      `/v1/crm/contacts/${created.body.id}`,
    );
    expect(contact.body).toMatchObject({ title: 'CTO', seniority: 'c_suite', city: 'Paris' });
  });

  it('refuses a file with no email column, or a header row only, before importing anything (422)', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM crm.imports`);
    const response = await upload(
      gateway.url,
      'Emial,First Name,Favourite Colour\nx@y.com,X,red\n',
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'CRM_IMPORT_COLUMNS_INVALID' });
    expect(response.body.errors).toEqual([
      { field: 'email', reason: 'no column for email (e.g. "Email")' },
    ]);
    expect((await db.query(`SELECT count(*)::int AS n FROM crm.imports`)).rows[0].n).toBe(
      before.rows[0].n,
    );
    const headerOnly = await upload(gateway.url, 'Email,First Name\n');
    // The gateway sends the header with the first row: a header-only file never starts an import.
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body).toMatchObject({ code: 'CRM_IMPORT_FILE_UNREADABLE' });
    expect(headerOnly.body.errors).toEqual([
      { field: 'file', reason: 'the file has a header row only: no contacts to import' },
    ]);
    const open = await db.query(
      `SELECT count(*)::int AS n FROM crm.imports WHERE status IN ('receiving', 'queued', 'running')`,
    );
    expect(open.rows[0].n).toBe(0);
  });

  it('refuses a broken CSV, an empty file and a non-multipart body', async () => {
    const broken = await upload(gateway.url, 'Email,Title\n"a@b.com,CEO\n');
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({ code: 'CRM_IMPORT_FILE_UNREADABLE' });
    expect(String(broken.body.detail)).toContain('not valid CSV');
    const open = await db.query(
      `SELECT count(*)::int AS n FROM crm.imports WHERE status = 'receiving'`,
    );
    expect(open.rows[0].n).toBe(0);
    expect((await db.query(`SELECT count(*)::int AS n FROM crm.import_rows`)).rows[0].n).toBe(0);
    expect((await upload(gateway.url, '')).status).toBe(422);
    const json = await api('/v1/crm/imports', { body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect((await api('/v1/crm/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('the CLI shows the mapping, asks, uploads the file and shows progress until the import ends', async () => {
    const file = join(dir, 'cli.csv');
    writeFileSync(file, contactsCsv(300).replace(/first(\d+)\./g, 'cli$1.'));
    const child = spawn(
      process.execPath,
      [join(DIST, 'tools/cli/main.js'), 'crm', 'import', file],
      {
        env: {
          PATH: process.env.PATH ?? '',
          SALES_SUITE_URL: gateway.url,
          SALES_SUITE_API_KEY: e2eRun().adminKey,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[y/N]') && !child.stdin.writableEnded) child.stdin.end('y\n');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(output).toContain('Detected source: generic');
    expect(output).toMatch(/E-mail\s+→ email \(95%\)/);
    expect(output).toMatch(/Import [0-9a-f-]{36} accepted/);
    expect(output).toContain('[##############################] 100% 300/300 completed');
    expect(output).toContain('completed: 300 created, 0 updated, 0 unchanged, 0 failed');
    expect(code).toBe(0);

    const imports = (await db.query(`SELECT count(*)::int AS n FROM crm.imports`)).rows[0].n;
    const declined = spawn(
      process.execPath,
      [
        join(DIST, 'tools/cli/main.js'),
        'crm',
        'import',
        file,
        '--mapping',
        '{"Job Title":"ignore"}',
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          SALES_SUITE_URL: gateway.url,
          SALES_SUITE_API_KEY: e2eRun().adminKey,
        },
      },
    );
    let declinedOutput = '';
    declined.stdout.on('data', (chunk: Buffer) => {
      declinedOutput += chunk.toString();
      if (declinedOutput.includes('[y/N]') && !declined.stdin.writableEnded)
        declined.stdin.end('n\n');
    });
    const [declinedCode] = await once(declined, 'exit');
    expect(declinedOutput).toMatch(/Job Title\s+→ not imported/);
    expect(declinedOutput).toContain('Not imported.');
    expect(declinedCode).toBe(1);
    expect((await db.query(`SELECT count(*)::int AS n FROM crm.imports`)).rows[0].n).toBe(imports);

    const usage = spawn(process.execPath, [join(DIST, 'tools/cli/main.js'), 'crm'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    const [usageCode] = await once(usage, 'exit');
    expect(usageCode).toBe(2);
  });
});
