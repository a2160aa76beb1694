import { parse } from 'csv-parse/sync';
import { errorColumn, errorReportChunk, RowRejection } from './error-report';

describe('errorColumn', () => {
  const headers = ['Email', 'First Name', 'Notes', 'Marketing contact status'];
  const columns = ['email', 'firstName', null, 'ignore'];
  it.each<[string | null, string | null]>([
    ['email', 'Email'],
    ['firstName', 'First Name'],
    ['column 3', 'Notes'],
    ['column 4', 'Marketing contact status'],
    ['column 9', null],
    ['phone', null],
    [null, null],
  ])('%p → %p', (field, column) => expect(errorColumn(field, columns, headers)).toBe(column));
});

describe('errorReportChunk', () => {
  const rejections: RowRejection[] = [
    { row: 2, column: 'Email', field: 'email', reason: 'email: "not-an-email" is not an email' },
    { row: 3, column: 'Notes', field: 'column 3', reason: 'contains a NUL character' },
    { row: 4, column: '=HYPERLINK("http://x.example","y")', field: null, reason: '-1, "bad"' },
  ];

  it('writes the header, then one formula-safe record per rejected row that a parser reads back', () => {
    const { chunk, taken } = errorReportChunk(rejections, true, 1 << 20);
    expect(taken).toBe(3);
    expect(chunk.startsWith('row,column,field,reason\r\n')).toBe(true);
    expect(parse(chunk, { columns: true })).toEqual([
      { row: '2', column: 'Email', field: 'email', reason: rejections[0].reason },
      { row: '3', column: 'Notes', field: 'column 3', reason: 'contains a NUL character' },
      { row: '4', column: `'=HYPERLINK("http://x.example","y")`, field: '', reason: `'-1, "bad"` },
    ]);
  });

  it('leaves the header to the first page', () => {
    expect(errorReportChunk(rejections.slice(0, 1), false, 1 << 20).chunk).toBe(
      `2,Email,email,"email: ""not-an-email"" is not an email"\r\n`,
    );
  });

  it('stops before the byte limit, but always takes one record', () => {
    const one = errorReportChunk(rejections, false, 10);
    expect(one.taken).toBe(1);
    const firstTwo = Buffer.byteLength(
      errorReportChunk(rejections.slice(0, 2), false, 1 << 20).chunk,
    );
    expect(errorReportChunk(rejections, false, firstTwo).taken).toBe(2);
  });
});
