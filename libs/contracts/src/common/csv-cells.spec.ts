import { csvField, csvRecord, formulaSafeCell, formulaSafeCellText } from './csv-cells';

describe('formula-safe CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'=1", "''=1"],
    ["''+1", "'''+1"],
    ["'plain", "'plain"],
    ["'", "'"],
    ["''", "''"],
    ['', ''],
    ['Open Rate', 'Open Rate'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['sales-kickoff', 'sales-kickoff'],
  ])('exports %j as %j and reads it back', (text, cell) => {
    expect(formulaSafeCell(text)).toBe(cell);
    expect(formulaSafeCellText(cell)).toBe(text);
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('never exports a cell starting with %j', (start) => {
    for (const text of [start, `${start}x`, `'${start}x`, `''${start}`]) {
      expect(formulaSafeCell(text)[0]).toBe("'");
    }
  });

  it('round-trips every short string over the characters that matter', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', 'a', ' '];
    let texts = [''];
    for (let length = 1; length <= 4; length++) {
      texts = [...texts, ...texts.flatMap((text) => alphabet.map((c) => text + c))];
    }
    for (const text of new Set(texts))
      expect(formulaSafeCellText(formulaSafeCell(text))).toBe(text);
  });
});

describe('CSV records', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('quotes the field %j as %j', (value, expected) => expect(csvField(value)).toBe(expected));

  it('neutralises a formula before quoting it, and ends the record with CRLF', () => {
    expect(csvRecord(['7', '=HYPERLINK("http://x","y")', 'a,b'])).toBe(
      `7,"'=HYPERLINK(""http://x"",""y"")","a,b"\r\n`,
    );
  });
});
