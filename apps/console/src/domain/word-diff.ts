export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Words and the whitespace between them, so that joining the parts gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Beyond this many token pairs the diff is whole-text (removed, then added): bounded work. */
const MAX_CELLS = 250_000;

/**
 * A word-level diff of two texts (longest common subsequence of tokens): what a revision
 * removed and added, in reading order, with neighbouring parts of one kind joined.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  };
  if (a.length * b.length > MAX_CELLS) {
    push('removed', before);
    push('added', after);
    return parts;
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i][j] =
        a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < a.length) push('removed', a[i++]);
  while (j < b.length) push('added', b[j++]);
  return parts;
}

/** A field value of a revision as text (strings as they are, lists and objects as JSON). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
