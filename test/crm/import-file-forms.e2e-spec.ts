import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { postImportFile } from './import.harness';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';

interface ImportView {
  status: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: unknown[];
}

const HEADERS = ['Email', 'First Name', 'Last Name', 'Job Title', 'City'];
/** Names that break when a file is decoded in the wrong encoding, and a title on two lines. */
const CONTACTS = [
  ['anna.mueller@forms-import.de', 'Anna', 'Müller', 'Geschäftsführerin', 'Köln'],
  ['pablo.gonzalez@forms-import.es', 'Pablo', 'Gonzalez Peña', 'Director, Ventas', 'A Coruña'],
  ['zoe.dupre@forms-import.fr', 'Zoë', 'Dupré', 'Head of Sales\nEMEA & APAC', 'Besançon'],
  [
    'sean.obrien@forms-import.ie',
    'Seán',
    'O’Brien',
    'Budget owner (€ 50k "approx")',
    'Dún Laoghaire',
  ],
];

/** The contacts as delimited text, quoted where a cell needs it, with Windows line breaks. */
function delimited(separator: string): string {
  const quote = (cell: string) =>
    cell.includes(separator) || /["\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return `${[HEADERS, ...CONTACTS].map((row) => row.map(quote).join(separator)).join('\r\n')}\r\n`;
}

/** Windows-1252 bytes of text made of Latin-1 letters plus the few 0x80–0x9F signs used here. */
function windows1252(text: string): Buffer {
  const signs: Record<string, number> = { '€': 0x80, '’': 0x92 };
  return Buffer.from([...text].map((char) => signs[char] ?? char.charCodeAt(0)));
}

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contacts');
  [HEADERS, ...CONTACTS].forEach((row) => sheet.addRow(row));
  workbook.addWorksheet('Read me').addRow(['This sheet is not imported']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FORMS: [string, string, string, () => Promise<Buffer> | Buffer][] = [
  ['comma, UTF-8', 'contacts.csv', 'text/csv', () => Buffer.from(delimited(','))],
  [
    'comma, UTF-8 with BOM',
    'contacts.csv',
    'text/csv',
    () => Buffer.from(`\ufeff${delimited(',')}`),
  ],
  ['semicolon, Windows-1252', 'contacts.csv', 'text/csv', () => windows1252(delimited(';'))],
  [
    'tab, UTF-16 LE ("Unicode text")',
    'contacts.txt',
    'text/plain',
    () => Buffer.from(`\ufeff${delimited('\t')}`, 'utf16le'),
  ],
  ['pipe, UTF-8', 'contacts.psv', 'application/octet-stream', () => Buffer.from(delimited('|'))],
  [
    'XLSX, first sheet',
    'contacts.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx,
  ],
];

describe('CRM import: the same contacts in every file form', () => {
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

  const upload = (bytes: Buffer, fileName: string, type: string) =>
    postImportFile(gateway.url, bytes, { fileName, type });

  const imported = async (bytes: Buffer, fileName: string, type: string): Promise<ImportView> => {
    const accepted = await upload(bytes, fileName, type);
    expect(accepted.status).toBe(202);
    return eventually(
      async () => (await api<ImportView>(`/v1/crm/imports/${String(accepted.body.id)}`)).body,
      (body) => body.status === 'completed' || body.status === 'failed',
      { timeoutMs: 60_000, intervalMs: 200, description: `import of ${fileName} to end` },
    );
  };

  const stored = async () =>
    (
      await db.query(
        `SELECT email, fields->'firstName'->>'value' AS first, fields->'lastName'->>'value' AS last,
                fields->'title'->>'value' AS title, fields->'city'->>'value' AS city
           FROM crm.contacts WHERE email LIKE '%@forms-import.%' ORDER BY email`,
      )
    ).rows.map((row) => [row.email, row.first, row.last, row.title, row.city]);

  it('every form stores the same contacts: the first creates them, the others change nothing', async () => {
    const expected = [...CONTACTS].sort((a, b) => a[0].localeCompare(b[0]));
    for (const [index, [name, fileName, type, make]] of FORMS.entries()) {
      const done = await imported(await make(), fileName, type);
      expect({ name, ...done }).toMatchObject({
        name,
        status: 'completed',
        total: CONTACTS.length,
        created: index === 0 ? CONTACTS.length : 0,
        updated: 0,
        unchanged: index === 0 ? 0 : CONTACTS.length,
        failed: 0,
        errors: [],
      });
      expect({ name, contacts: await stored() }).toEqual({ name, contacts: expected });
    }
  });

  it('refuses what is no contacts table with 422 naming the problem, and starts no import', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM crm.imports`)).rows[0].n;
    const zipNoWorkbook = Buffer.from(
      (await xlsx()).toString('latin1').replace(/xl\/worksheets\//g, 'xl/notebooks_/'),
      'latin1',
    );
    const refusals: [Buffer, string, string][] = [
      [Buffer.alloc(0), 'contacts.csv', 'the file is empty'],
      [
        Buffer.from('Email,First Name\r\n'),
        'contacts.csv',
        'the file has a header row only: no contacts to import',
      ],
      [
        // large enough that the gateway must read the rest of the upload to answer
        Buffer.concat([
          Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'),
          Buffer.alloc(3 << 20, 0x20),
        ]),
        'contacts.pdf',
        'the file is a PDF document, not CSV or XLSX',
      ],
      [
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        'logo.png',
        'the file is a PNG image, not CSV or XLSX',
      ],
      [
        Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 3) % 256)),
        'contacts.bin',
        'the file is binary, not CSV or XLSX',
      ],
      [
        zipNoWorkbook,
        'contacts.zip',
        'the file is a ZIP archive but not an XLSX workbook (no worksheet)',
      ],
    ];
    for (const [bytes, fileName, reason] of refusals) {
      const response = await upload(bytes, fileName, 'application/octet-stream');
      expect({ fileName, status: response.status, body: response.body }).toMatchObject({
        fileName,
        status: 422,
        body: {
          code: 'CRM_IMPORT_FILE_UNREADABLE',
          detail: `The file cannot be imported: ${reason}`,
          errors: [{ field: 'file', reason }],
        },
      });
    }
    expect((await db.query(`SELECT count(*)::int AS n FROM crm.imports`)).rows[0].n).toBe(before);
  });
});
