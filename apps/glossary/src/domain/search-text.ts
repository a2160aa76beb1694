/**
 * A query as the stored labels are (SQL glossary.normalize_label): lower case, every run of
 * characters other than letters and digits one space, trimmed. What is left holds no LIKE
 * wildcard, so it goes into a LIKE pattern as it is.
 */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The tsquery (text form) a label holding a normalised query at a word start must match in
 * `label_vector` (the labels' words, unstemmed): every word of the query, the last as a prefix
 * (`sales kick` → `'sales' & 'kick':*`). Normalised words are letters and digits only, so they
 * need no escaping inside the quotes.
 */
export function labelWordsQuery(normalized: string): string {
  return normalized
    .split(' ')
    .map((word, index, words) => `'${word}'${index === words.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

/** Marks ts_headline puts around matched words: control characters no definition contains. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** HTML-escapes a headline, then turns its marks into `<mark>` elements: safe to render. */
export function renderSnippet(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_STOP, '</mark>');
}
