/** A piece of text, marked when the search matched it. */
export interface Segment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** The glossary's escaping undone, as text: the result is rendered as text nodes, never as HTML. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
}

/**
 * A search snippet (HTML-escaped, matches wrapped in `<mark>`) split into text segments, so the
 * page draws `<mark>` elements itself instead of handing the snippet to innerHTML. Anything else
 * that looks like a tag stays literal text.
 */
export function markedSegments(snippet: string): Segment[] {
  const segments: Segment[] = [];
  const push = (text: string, marked: boolean) => {
    if (text) segments.push({ text: unescapeHtml(text), marked });
  };
  let rest = snippet;
  for (;;) {
    const open = rest.indexOf('<mark>');
    const close = open < 0 ? -1 : rest.indexOf('</mark>', open + 6);
    if (open < 0 || close < 0) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + 6, close), true);
    rest = rest.slice(close + 7);
  }
  push(rest, false);
  return segments;
}
