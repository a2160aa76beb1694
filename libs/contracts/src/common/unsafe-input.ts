import type { FieldViolation } from '../errors/domain-error';

/** Deepest nesting of objects and arrays any input may have; real payloads stay under 10. */
export const MAX_INPUT_DEPTH = 64;

/** Enough to tell the caller what to fix without echoing a hostile payload back whole. */
const MAX_REPORTED = 10;

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- the NUL byte is what it looks for
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored, or null: PostgreSQL refuses NUL in text, and a lone UTF-16
 * surrogate is not Unicode at all (UTF-8 cannot encode it; jsonb refuses it).
 */
export function unsafeTextReason(text: string): string | null {
  const found = UNSAFE_TEXT.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? 'contains a NUL byte' : 'contains a lone UTF-16 surrogate';
}

/** The text with what cannot be stored taken out: for names nobody asked the caller to fix (file names). */
export function withoutUnsafeText(text: string): string {
  return text.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '');
}

/**
 * The nesting depth of a JSON text, counted without parsing it (brackets inside strings do not
 * count), so a hostile body is refused before any recursive walk could overflow the stack.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

export interface UnsafeInputOptions {
  /** Top-level fields that carry raw files (CSV) checked row by row by their consumer. */
  rawTextFields?: ReadonlySet<string>;
  maxDepth?: number;
}

/**
 * Every string and key of a parsed input (body, query, path parameters, NATS payload) that cannot
 * be stored, and any nesting deeper than `maxDepth`, as field violations with dotted paths
 * (`aliases.0`). Iterative, so no input can overflow the stack.
 */
export function findUnsafeInput(
  value: unknown,
  options: UnsafeInputOptions = {},
): FieldViolation[] {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  const violations: FieldViolation[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value, path: '', depth: 0 },
  ];
  while (pending.length > 0 && violations.length < MAX_REPORTED) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) violations.push({ field: path || 'body', reason });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) {
      violations.push({ field: path || 'body', reason: `nested deeper than ${maxDepth} levels` });
      continue;
    }
    const entries = Object.entries(current);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index];
      if (depth === 0 && options.rawTextFields?.has(key)) continue;
      const keyReason = unsafeTextReason(key);
      const field = path ? `${path}.${printable(key)}` : printable(key);
      if (keyReason) violations.push({ field, reason: `its name ${keyReason}` });
      else pending.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return violations.slice(0, MAX_REPORTED);
}

/** A key as it can be echoed in a problem: its unsafe characters replaced. */
function printable(key: string): string {
  return key.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '\ufffd');
}
