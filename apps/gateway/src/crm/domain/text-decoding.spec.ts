import { ExportTextDecoder, scanUtf8 } from './text-decoding';
import type { TextEncoding } from './file-form';

const b = (...values: (string | number)[]) =>
  Buffer.concat(
    values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))),
  );

describe('scanUtf8: the first non-ASCII sequence decides', () => {
  const cases: [string, Buffer, ReturnType<typeof scanUtf8>][] = [
    ['ASCII', b('Email,Name'), { kind: 'ascii', incompleteTail: 0 }],
    ['ü in UTF-8', b('M', 0xc3, 0xbc, 'ller'), { kind: 'utf-8', incompleteTail: 0 }],
    ['€ in UTF-8', b(0xe2, 0x82, 0xac), { kind: 'utf-8', incompleteTail: 0 }],
    ['an emoji in UTF-8', b(0xf0, 0x9f, 0x98, 0x80), { kind: 'utf-8', incompleteTail: 0 }],
    ['ü in Windows-1252', b('M', 0xfc, 'ller'), { kind: 'invalid', incompleteTail: 0 }],
    [
      'é then a letter in Windows-1252',
      b('Ren', 0xe9, 'e'),
      { kind: 'invalid', incompleteTail: 0 },
    ],
    ['€ in Windows-1252', b(0x80), { kind: 'invalid', incompleteTail: 0 }],
    ['an overlong encoding', b(0xc0, 0xaf), { kind: 'invalid', incompleteTail: 0 }],
    ['a surrogate', b(0xed, 0xa0, 0x80), { kind: 'invalid', incompleteTail: 0 }],
    ['beyond U+10FFFF', b(0xf4, 0x90, 0x80, 0x80), { kind: 'invalid', incompleteTail: 0 }],
    ['a sequence cut by the end', b('ab', 0xe2, 0x82), { kind: 'ascii', incompleteTail: 2 }],
    ['a lead byte at the end', b('ab', 0xc3), { kind: 'ascii', incompleteTail: 1 }],
    [
      'a broken byte after good UTF-8 stays UTF-8',
      b(0xc3, 0xbc, 0xfc),
      { kind: 'utf-8', incompleteTail: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, bytes, scan) => {
    expect(scanUtf8(bytes)).toEqual(scan);
  });
});

function decodeInChunks(encoding: TextEncoding, bytes: Buffer, size: number) {
  const decoder = new ExportTextDecoder(encoding);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  return { text: text + decoder.end(), encoding: decoder.encoding };
}

describe('ExportTextDecoder: the same text whatever the chunking', () => {
  const names = 'Müller;Gonzalez Peña;Zoë;€ 5;Łukasz';
  const ascii = 'x'.repeat(100);
  const cases: [string, TextEncoding, Buffer, string, string][] = [
    ['UTF-8', 'utf-8?', Buffer.from(names), names, 'utf-8'],
    [
      'UTF-8 after a long ASCII start',
      'utf-8?',
      Buffer.from(ascii + names),
      ascii + names,
      'utf-8',
    ],
    ['UTF-8 with BOM (dropped)', 'utf-8', Buffer.from('\ufeff' + names), names, 'utf-8'],
    [
      'Windows-1252',
      'utf-8?',
      b('M', 0xfc, 'ller;Gonzalez Pe', 0xf1, 'a;Zo', 0xeb, ';', 0x80, ' 5'),
      'Müller;Gonzalez Peña;Zoë;€ 5',
      'windows-1252',
    ],
    [
      'Windows-1252 after a long ASCII start',
      'utf-8?',
      Buffer.concat([Buffer.from(ascii), b('M', 0xfc, 'ller')]),
      `${ascii}Müller`,
      'windows-1252',
    ],
    ['UTF-16 LE with BOM', 'utf-16le', Buffer.from('\ufeff' + names, 'utf16le'), names, 'utf-16le'],
    [
      'UTF-16 BE with BOM',
      'utf-16be',
      Buffer.from('\ufeff' + names, 'utf16le').swap16(),
      names,
      'utf-16be',
    ],
    ['ASCII only', 'utf-8?', Buffer.from(ascii), ascii, 'utf-8?'],
    [
      'a lead byte at the very end reads as Windows-1252',
      'utf-8?',
      b('ab', 0xc3),
      'abÃ',
      'windows-1252',
    ],
    [
      'UTF-8 with a later broken byte: U+FFFD',
      'utf-8?',
      b(0xc3, 0xbc, ';', 0xfc),
      'ü;\ufffd',
      'utf-8',
    ],
  ];
  for (const size of [1, 2, 3, 7, 1 << 16])
    it.each(cases)(`%s, chunks of ${size} bytes`, (_name, encoding, bytes, text, chosen) => {
      expect(decodeInChunks(encoding, bytes, size)).toEqual({ text, encoding: chosen });
    });
});
