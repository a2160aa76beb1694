import { formulaSafeCell, formulaSafeCellText } from './formula-safe-cell';

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
