import { DomainError, ErrorCode } from '@sales-suite/contracts';
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { eventually } from '../../../../test/support/eventually';
import { CsvSink, streamCsv } from './csv-upload';

/** Collects what the upload would send to the service. */
function collector() {
  const sent = { headers: null as string[] | null, rows: [] as { row: number; cells: string[] }[] };
  const sink: CsvSink = {
    headers: async (headers) => {
      sent.headers = headers;
    },
    rows: async (first, rows) => {
      rows.forEach((cells, i) => sent.rows.push({ row: first + i, cells }));
    },
  };
  return { sent, sink };
}

/** A file as busboy hands it over: in chunks of `size` bytes. */
function upload(bytes: Buffer, size = 16 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks, { objectMode: false });
}

const HEADERS = ['Email', 'First Name', 'Last Name', 'Company'];
const CONTACTS = [
  ['anna.mueller@example.de', 'Anna', 'Müller', 'Café Zoë GmbH'],
  ['pablo@example.es', 'Pablo', 'Gonzalez Peña', 'Peña, Hijos & Co.'],
  ['zoe@example.fr', 'Zoë', 'Dupré', 'Line one\nline two'],
  ['euro@example.ie', 'Seán', "O'Brien", 'Price € 5'],
];

function delimited(separator: string, lineBreak = '\r\n'): string {
  const quote = (cell: string) =>
    /[",;\t|\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return (
    [HEADERS, ...CONTACTS].map((r) => r.map(quote).join(separator)).join(lineBreak) + lineBreak
  );
}

async function xlsx(rows: unknown[][], extraSheet = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contacts');
  rows.forEach((row) => sheet.addRow(row));
  if (extraSheet) workbook.addWorksheet('Notes').addRow(['not', 'contacts']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(bytes: Buffer): Promise<{ code: ErrorCode; reason: string }> {
  const { sink, sent } = collector();
  const file = upload(bytes);
  const error = await streamCsv(file, sink).then(
    () => new Error('accepted'),
    (thrown: unknown) => thrown,
  );
  expect(sent.headers).toBeNull(); // nothing was started
  await finished(file); // the upload is read to its end, so the client gets the answer
  if (!(error instanceof DomainError)) throw error;
  const violations = (error.details as { violations: { reason: string }[] }).violations;
  return { code: error.code, reason: violations[0].reason };
}

describe('streamCsv: every form of the same contacts sends the same rows', () => {
  const forms: [string, () => Promise<Buffer> | Buffer][] = [
    ['comma, UTF-8', () => Buffer.from(delimited(','))],
    ['comma, UTF-8 with BOM', () => Buffer.from('\ufeff' + delimited(','))],
    ['semicolon, Windows-1252', () => Buffer.from(new Uint8Array(encode1252(delimited(';'))))],
    ['tab, UTF-16 LE with BOM', () => Buffer.from('\ufeff' + delimited('\t'), 'utf16le')],
    ['tab, UTF-16 BE with BOM', () => Buffer.from('\ufeff' + delimited('\t'), 'utf16le').swap16()],
    ['pipe, LF line breaks', () => Buffer.from(delimited('|', '\n'))],
    ['XLSX, first sheet', () => xlsx([HEADERS, ...CONTACTS], true)],
  ];
  it.each(forms)('%s', async (_name, make) => {
    for (const size of [1, 7, 64 * 1024]) {
      const { sent, sink } = collector();
      expect(await streamCsv(upload(await make(), size), sink)).toBe(CONTACTS.length);
      expect(sent.headers).toEqual(HEADERS);
      expect(sent.rows).toEqual(CONTACTS.map((cells, i) => ({ row: i + 2, cells })));
    }
  });
});

/** Windows-1252 bytes of text whose characters all exist in it. */
function encode1252(text: string): number[] {
  const high: Record<string, number> = { '€': 0x80 };
  return [...text].map((char) => high[char] ?? char.charCodeAt(0));
}

describe('streamCsv: cells, blank rows and row numbers', () => {
  it('renders XLSX dates, numbers, booleans and formulas as text', async () => {
    const { sent, sink } = collector();
    const file = await xlsx([
      ['Email', 'Create Date', 'Employees', 'Phone', 'Do Not Contact', 'Full Name'],
      [
        'a@b.com',
        new Date(Date.UTC(2023, 10, 2)),
        250,
        4915112345678,
        false,
        { formula: 'CONCAT("Ann"," ","Lee")', result: 'Ann Lee' },
      ],
    ]);
    await streamCsv(upload(file), sink);
    expect(sent.rows).toEqual([
      { row: 2, cells: ['a@b.com', '2023-11-02', '250', '4915112345678', 'false', 'Ann Lee'] },
    ]);
  });

  it('skips blank rows, keeps the file’s row numbers, drops a trailing empty header', async () => {
    const { sent, sink } = collector();
    const file = 'Email;Name;\n;;\na@b.com;Ann\n\n;  ;\nc@d.com;Carl\n';
    expect(await streamCsv(upload(Buffer.from(file)), sink)).toBe(2);
    expect(sent.headers).toEqual(['Email', 'Name']);
    expect(sent.rows).toEqual([
      { row: 3, cells: ['a@b.com', 'Ann'] },
      { row: 5, cells: ['c@d.com', 'Carl'] },
    ]);
  });

  it('leaves no spooled sheet behind when the service refuses a workbook’s header', async () => {
    // exceljs spools a sheet stored before the shared strings (as here) to os.tmpdir(), named
    // by the `tmp` package `tmp-<pid>-…`: this process's files are this test's
    const spooled = () =>
      readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const refused = new DomainError(ErrorCode.CrmImportColumnsInvalid, 'unknown column');
    const rows = Array.from({ length: 3000 }, (_, i) => [`c${i}@example.com`, `Name ${i}`]);
    const file = await xlsx([['Email', 'Favourite Colour'], ...rows], true);
    let whileRead: string[] = [];
    const sink: CsvSink = {
      headers: async () => {
        whileRead = spooled();
        throw refused;
      },
      rows: async () => undefined,
    };
    await expect(streamCsv(upload(file), sink)).rejects.toBe(refused);
    expect(whileRead).toHaveLength(2); // both sheets
    // `tmp` unlinks without being awaited
    await eventually(() => spooled().length === 0, { description: 'the spooled sheet removed' });
  });

  it('streams: the first rows reach the service before most of a 100,000-row file is read', async () => {
    const rows = 100_000;
    let produced = 0;
    let producedAtFirstRows = -1;
    async function* file() {
      yield Buffer.from('Email;First Name;Last Name\n');
      for (let i = 0; i < rows; i += 1000) {
        const lines = Array.from({ length: 1000 }, (_, k) => `c${i + k}@example.com;Zoë;Müller\n`);
        produced += 1000;
        yield Buffer.from(lines.join(''), 'latin1'); // Windows-1252 bytes
      }
    }
    let count = 0;
    const total = await streamCsv(Readable.from(file()), {
      headers: async () => undefined,
      rows: async (_first, chunk) => {
        if (producedAtFirstRows < 0) producedAtFirstRows = produced;
        count += chunk.length;
        expect(chunk[0].slice(1)).toEqual(['Zoë', 'Müller']);
      },
    });
    expect({ total, count }).toEqual({ total: rows, count: rows });
    expect(producedAtFirstRows).toBeLessThan(rows / 10);
  });
});

describe('streamCsv: files that are no contacts table → 422 naming the problem', () => {
  const zip = async () => {
    const workbook = await xlsx([['Email'], ['a@b.com']]);
    // the same ZIP with its workbook parts renamed: a ZIP archive that is no workbook
    return Buffer.from(
      workbook.toString('latin1').replace(/xl\/worksheets\//g, 'xl/notebooks_/'),
      'latin1',
    );
  };
  const cases: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['empty', () => Buffer.alloc(0), 'the file is empty'],
    ['blank lines only', () => Buffer.from('\r\n\r\n'), 'the file has no header row'],
    [
      'a header row only',
      () => Buffer.from('Email,First Name\r\n'),
      'the file has a header row only: no contacts to import',
    ],
    [
      'an XLSX with a header row only',
      () => xlsx([['Email', 'Name']]),
      'the file has a header row only: no contacts to import',
    ],
    [
      'a 5 MB PDF',
      () => Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n'), Buffer.alloc(5 << 20, 0x41)]),
      'the file is a PDF document, not CSV or XLSX',
    ],
    [
      'a PNG',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      'the file is a PNG image, not CSV or XLSX',
    ],
    [
      'binary garbage',
      () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'the file is binary, not CSV or XLSX',
    ],
    [
      'a ZIP that is no workbook',
      zip,
      'the file is a ZIP archive but not an XLSX workbook (no worksheet)',
    ],
    [
      'a cut-off ZIP',
      async () => (await xlsx([['Email'], ['a@b.com']])).subarray(0, 300),
      'the file is a ZIP archive but not a readable XLSX workbook',
    ],
    [
      'an unclosed quote',
      () => Buffer.from('Email,Title\n"a@b.com,CEO\n'),
      'not valid CSV near line 2: Quote Not Closed: the parsing is finished with an opening quote at line 2',
    ],
    [
      'a quote inside an unquoted cell',
      () => Buffer.from('Email,Notes,=HYPERLINK("http://x.example")\na@b.com,x,y\n'),
      'not valid CSV near line 1: Invalid Opening Quote: a quote is found on field 2 at line 1, value is "=HYPERLINK("',
    ],
  ];
  it.each(cases)('%s', async (_name, make, reason) => {
    expect(await refusal(await make())).toEqual({
      code: ErrorCode.CrmImportFileUnreadable,
      reason,
    });
  });
});
