import { FileForm, Separator, sniffFileForm, sniffSeparator } from './file-form';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const randomish = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));

describe('sniffFileForm: bytes in, form out', () => {
  const cases: [string, Buffer, FileForm][] = [
    [
      'comma CSV, plain ASCII',
      bytes('Email,First Name\na@b.com,Ann\n'),
      { kind: 'text', encoding: 'utf-8?' },
    ],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], 'Email\n'), { kind: 'text', encoding: 'utf-8' }],
    [
      'UTF-16 LE with BOM (Excel "Unicode text")',
      Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('Email\tName\n')]),
      { kind: 'text', encoding: 'utf-16le' },
    ],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Email\tName\n')]),
      { kind: 'text', encoding: 'utf-16be' },
    ],
    [
      'UTF-16 LE without BOM',
      utf16le('Email\tName\na@b.com\tAnn\n'),
      { kind: 'text', encoding: 'utf-16le' },
    ],
    [
      'UTF-16 BE without BOM',
      utf16be('Email\tName\na@b.com\tAnn\n'),
      { kind: 'text', encoding: 'utf-16be' },
    ],
    [
      'Windows-1252 text (decided later, by the decoder)',
      bytes('Email;Name\na@b.com;M', [0xfc], 'ller\n'),
      { kind: 'text', encoding: 'utf-8?' },
    ],
    [
      'a stray NUL in a cell is the row’s problem',
      bytes('Email,Name\na@b.com,A', [0], 'nn\nc@d.com,Carl\nd@e.com,Dora\n'),
      { kind: 'text', encoding: 'utf-8?' },
    ],
    ['XLSX (a ZIP)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), { kind: 'xlsx' }],
    ['empty', Buffer.alloc(0), { kind: 'refused', reason: 'the file is empty' }],
    [
      'PDF',
      bytes('%PDF-1.7\n%\xe2\xe3'),
      { kind: 'refused', reason: 'the file is a PDF document, not CSV or XLSX' },
    ],
    [
      'PNG',
      bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d]),
      { kind: 'refused', reason: 'the file is a PNG image, not CSV or XLSX' },
    ],
    [
      'JPEG',
      bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'),
      { kind: 'refused', reason: 'the file is a JPEG image, not CSV or XLSX' },
    ],
    [
      'GIF',
      bytes('GIF89a', [1, 0, 1, 0]),
      { kind: 'refused', reason: 'the file is a GIF image, not CSV or XLSX' },
    ],
    [
      'gzip',
      bytes([0x1f, 0x8b, 8, 0]),
      { kind: 'refused', reason: 'the file is a gzip archive, not CSV or XLSX' },
    ],
    [
      'legacy XLS',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      {
        kind: 'refused',
        reason:
          'the file is a legacy Excel (.xls) or password-protected Office file, not CSV or XLSX: save it as XLSX or CSV without a password',
      },
    ],
    [
      'binary garbage',
      randomish,
      { kind: 'refused', reason: 'the file is binary, not CSV or XLSX' },
    ],
  ];
  it.each(cases)('%s', (_name, head, form) => {
    expect(sniffFileForm(head)).toEqual(form);
  });
});

describe('sniffSeparator: the header line in, the separator out', () => {
  const cases: [string, string, Separator][] = [
    ['comma', 'Email,First Name,Last Name\na;b;c;d;e\n', ','],
    ['semicolon (Excel, European locale)', 'Email;Vorname;Nachname\r\nx@y.de;Jörg;Müller\r\n', ';'],
    ['tab (Excel "Unicode text")', 'Email\tFirst Name\tCompany, Inc\n', '\t'],
    ['pipe', 'Email|Name|Title\n', '|'],
    ['separators inside quotes do not count', '"Name; Title; Role",Email\n', ','],
    ['a quoted header cell with a line break', '"First\nName";"Last; Name";Email\n', ';'],
    ['one column', 'Email\na@b.com\n', ','],
    ['a tie goes to the comma', 'a,b;c\n', ','],
    ['only the first line counts', 'Email\n;;;;;;\n', ','],
  ];
  it.each(cases)('%s', (_name, text, separator) => {
    expect(sniffSeparator(text)).toBe(separator);
  });
});
