/**
 * What an uploaded contacts file is, told from its first bytes: an XLSX workbook (a ZIP), text in
 * a known encoding, or something that is no table at all. Pure: bytes in, a verdict out.
 */

/** The text encodings an export arrives in; `utf-8?` is undecided until the first non-ASCII byte. */
export type TextEncoding = 'utf-8' | 'utf-8?' | 'utf-16le' | 'utf-16be';

export type FileForm =
  { kind: 'xlsx' } | { kind: 'text'; encoding: TextEncoding } | { kind: 'refused'; reason: string };

/** Formats people upload by mistake, by their magic bytes, so the refusal can name them. */
const NOT_A_TABLE: { magic: number[]; name: string; advice?: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { magic: [0x1f, 0x8b], name: 'a gzip archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  // an OLE2 compound file: Excel 97–2003, or any Office file saved with a password
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    name: 'a legacy Excel (.xls) or password-protected Office file',
    advice: 'save it as XLSX or CSV without a password',
  },
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Share of control characters above which a sample is binary, not a text export. */
const MAX_CONTROL_SHARE = 0.05;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.length <= bytes.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * UTF-16 without a BOM shows as a NUL in every other byte of ASCII text; Excel writes a BOM, but
 * other tools may not. Answers the byte order when at least 3 in 4 of one side's bytes are NUL
 * and none of the other side's are.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenNuls++;
    if (sample[2 * i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= pairs * 0.75 && evenNuls === 0) return 'utf-16le';
  if (evenNuls >= pairs * 0.75 && oddNuls === 0) return 'utf-16be';
  return null;
}

/** C0 controls other than tab, line feed, form feed and carriage return, and DEL. */
function isControlByte(byte: number): boolean {
  return (
    (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) ||
    byte === 0x7f
  );
}

/**
 * The form of a file from its first bytes (`head`, the whole file when it is short). A stray
 * control character in a cell is the row's problem, reported by the service; a sample made of
 * them is no text export.
 */
export function sniffFileForm(head: Uint8Array): FileForm {
  if (head.length === 0) return { kind: 'refused', reason: 'the file is empty' };
  if (startsWith(head, ZIP_MAGIC)) return { kind: 'xlsx' };
  const known = NOT_A_TABLE.find(({ magic }) => startsWith(head, magic));
  if (known) {
    const advice = known.advice ? `: ${known.advice}` : '';
    return { kind: 'refused', reason: `the file is ${known.name}, not CSV or XLSX${advice}` };
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { kind: 'text', encoding: utf16 };
  let controls = 0;
  for (const byte of head) if (isControlByte(byte)) controls++;
  if (controls > head.length * MAX_CONTROL_SHARE)
    return { kind: 'refused', reason: 'the file is binary, not CSV or XLSX' };
  return { kind: 'text', encoding: 'utf-8?' };
}

/** The separators exports use, in the order that breaks a tie. */
export const SEPARATORS = [',', ';', '\t', '|'] as const;
export type Separator = (typeof SEPARATORS)[number];

/**
 * The separator of a delimited file from its decoded beginning: the one that occurs most often
 * outside quotes in the header line (which ends at the first line break outside quotes). A file of
 * one column has none: a comma then.
 */
export function sniffSeparator(text: string): Separator {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Separator = ',';
  for (const separator of SEPARATORS)
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  return best;
}
