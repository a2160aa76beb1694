import { parse } from 'csv-parse/sync';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { uploadImport } from './import.harness';

interface ImportView {
  status: string;
  failed: number;
  errors: { row: number; field: string | null; reason: string }[];
}

const FORMULA_HEADER = '=HYPERLINK("http://evil.example","Notes")';
const FORMULA_CELL = '=HYPERLINK("http://evil.example","yes")';
/** More rejected rows than the JSON view keeps (1,000) and than one report page (500). */
const BAD_EMAIL_ROWS = 1200;

/** A file with a few good contacts and rows rejected for each reason the report must carry. */
function fileWithBadRows(): string {
  const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const lines = [`Email,First Name,Do Not Contact,${quoted(FORMULA_HEADER)}`];
  lines.push('ok.one@contoso-errors.com,One,,fine'); // row 2
  lines.push('not-an-email,Two,,'); // row 3: invalid email
  lines.push('nul.cell@contoso-errors.com,Three,,a\u0000b'); // row 4: NUL in the custom column
  lines.push(`formula.cell@contoso-errors.com,Four,${quoted(FORMULA_CELL)},`); // row 5
  lines.push('ok.two@contoso-errors.com,"Five, Jr.",no,'); // row 6
  for (let i = 0; i < BAD_EMAIL_ROWS; i++) lines.push(`bad${i}@,Bulk,,`); // rows 7…
  return `${lines.join('\r\n')}\r\n`;
}

describe('CRM import: the error report as CSV (every rejected row, formula-safe)', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await apps.start('crm-enrichment', { env: { CRM_FRESHNESS_INTERVAL_MS: '0' } });
    gateway = await apps.start('gateway');
    api = apiClient(gateway.url);
  });
  afterAll(() => apps.stopAll());

  it('lists each rejected row with its row, column, field and reason, beyond the JSON cap', async () => {
    const id = await uploadImport(gateway.url, fileWithBadRows());
    const done = await eventually(
      async () => (await api<ImportView>(`/v1/crm/imports/${id}`)).body,
      (body) => body.status === 'completed' || body.status === 'failed',
      { timeoutMs: 60_000, intervalMs: 200, description: 'the import to end' },
    );
    expect(done.status).toBe('completed');
    expect(done.failed).toBe(3 + BAD_EMAIL_ROWS);
    // The JSON view keeps its shape and its cap.
    expect(done.errors).toHaveLength(1000);
    expect(Object.keys(done.errors[0]).sort()).toEqual(['field', 'reason', 'row']);

    const response = await api<string>(`/v1/crm/imports/${id}/errors.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="import-${id}-errors.csv"`,
    );
    const text = response.body;
    expect(text.startsWith('row,column,field,reason\r\n')).toBe(true);
    const records: Record<string, string>[] = parse(text, { columns: true });
    expect(records).toHaveLength(3 + BAD_EMAIL_ROWS);
    expect(records.slice(0, 3)).toEqual([
      {
        row: '3',
        column: 'Email',
        field: 'email',
        reason: expect.stringMatching(/^email is not a valid email address/),
      },
      { row: '4', column: `'${FORMULA_HEADER}`, field: 'column 4', reason: 'contains a NUL byte' },
      {
        row: '5',
        column: 'Do Not Contact',
        field: 'doNotContact',
        reason: `"${FORMULA_CELL}" is not yes/no`,
      },
    ]);
    expect(records.map((record) => Number(record.row))).toEqual([
      3,
      4,
      5,
      ...Array.from({ length: BAD_EMAIL_ROWS }, (_, i) => 7 + i),
    ]);
    // No cell a spreadsheet would run as a formula.
    for (const record of records)
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('answers an import without rejected rows with the header only', async () => {
    const id = await uploadImport(
      gateway.url,
      'Email,First Name\r\nclean.one@contoso-errors.com,Clean\r\n',
    );
    await eventually(
      async () => (await api<ImportView>(`/v1/crm/imports/${id}`)).body,
      (body) => body.status === 'completed',
      { timeoutMs: 60_000, intervalMs: 200, description: 'the clean import to complete' },
    );
    const response = await api<string>(`/v1/crm/imports/${id}/errors.csv`);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 200,
      body: 'row,column,field,reason\r\n',
    });
  });

  it('answers 404 problem+json for an unknown import and 400 for a bad id', async () => {
    const unknown = await api(`/v1/crm/imports/00000000-0000-4000-8000-000000000000/errors.csv`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'CRM_IMPORT_NOT_FOUND' });
    const bad = await api(`/v1/crm/imports/not-a-uuid/errors.csv`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ field: 'id' })] });
  });

  it('is documented in OpenAPI as producing text/csv', async () => {
    const docs = await api<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    }>('/docs-json', { key: null });
    const route = docs.body.paths['/v1/crm/imports/{id}/errors.csv']?.get;
    expect(Object.keys(route?.responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['400', '401', '404']));
  });

  it('refuses a caller without a key', async () => {
    const response = await api(`/v1/crm/imports/00000000-0000-4000-8000-000000000000/errors.csv`, {
      key: null,
    });
    expect(response.status).toBe(401);
  });
});
