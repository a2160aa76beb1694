import { TextDecoder } from 'node:util';
import type { TextEncoding } from './file-form';

/**
 * How a run of bytes starts to read as UTF-8, decided by its first non-ASCII sequence: `utf-8`
 * when well-formed, `invalid` when not, `ascii` when there is none (the run reads the same in
 * Windows-1252); `incompleteTail` counts the bytes of a first sequence cut by the end of the run,
 * which the next run completes.
 */
export function scanUtf8(bytes: Uint8Array): {
  kind: 'ascii' | 'utf-8' | 'invalid';
  incompleteTail: number;
} {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Well-formed sequences per the Unicode standard, table 3-7: no overlongs, no surrogates.
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return { kind: 'invalid', incompleteTail: 0 };
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return { kind: 'ascii', incompleteTail: bytes.length - i };
      const byte = bytes[i + k];
      const [low, high] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (byte < low || byte > high) return { kind: 'invalid', incompleteTail: 0 };
    }
    return { kind: 'utf-8', incompleteTail: 0 };
  }
  return { kind: 'ascii', incompleteTail: 0 };
}

/**
 * Decodes an upload chunk by chunk. UTF-16 and BOM-marked UTF-8 are told by their BOM; otherwise
 * the first non-ASCII byte decides: a well-formed UTF-8 sequence means UTF-8 (a later broken byte
 * then reads as U+FFFD), anything else means Windows-1252 (Excel's "CSV" on Western Windows).
 * Everything before that byte is ASCII, which both read alike, so nothing read needs reading again
 * and the file is never held whole.
 */
export class ExportTextDecoder {
  private decoder: TextDecoder | null;
  private pending: Uint8Array = new Uint8Array(0);

  constructor(encoding: TextEncoding) {
    this.decoder = encoding === 'utf-8?' ? null : new TextDecoder(encoding);
  }

  /** The encoding chosen so far: `utf-8?` while everything read was ASCII. */
  get encoding(): string {
    return this.decoder?.encoding ?? 'utf-8?';
  }

  /** The text of one more chunk; a character cut by the chunk's end comes with the next. */
  write(chunk: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    const bytes = this.pending.length ? concat(this.pending, chunk) : chunk;
    const { kind, incompleteTail } = scanUtf8(bytes);
    if (kind === 'ascii') {
      this.pending = bytes.slice(bytes.length - incompleteTail);
      return latin1(bytes.subarray(0, bytes.length - incompleteTail));
    }
    this.pending = new Uint8Array(0);
    this.decoder = new TextDecoder(kind === 'utf-8' ? 'utf-8' : 'windows-1252');
    return this.decoder.decode(bytes, { stream: true });
  }

  /** The rest: a sequence cut by the end of the file is no UTF-8, so Windows-1252 reads it. */
  end(): string {
    if (this.decoder) return this.decoder.decode();
    if (this.pending.length === 0) return '';
    this.decoder = new TextDecoder('windows-1252');
    return this.decoder.decode(this.pending);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** ASCII bytes as text (every byte below 0x80 here). */
function latin1(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes);
}
