/** A span of annotated text: a glossary term's mention (its slug) or plain text. */
export interface MentionSegment {
  text: string;
  slug?: string;
}

export interface Mention {
  slug: string;
  start: number;
  end: number;
}

/**
 * The text cut at the mentions' offsets (UTF-16 indices, as the glossary returns them), in order.
 * Overlapping or out-of-range mentions are skipped rather than drawn twice.
 */
export function mentionSegments(text: string, mentions: readonly Mention[]): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let at = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start < at || mention.end > text.length || mention.end <= mention.start) continue;
    if (mention.start > at) segments.push({ text: text.slice(at, mention.start) });
    segments.push({ text: text.slice(mention.start, mention.end), slug: mention.slug });
    at = mention.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
