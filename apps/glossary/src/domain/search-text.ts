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
