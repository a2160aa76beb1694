/** When a new score is worth telling other tools about (`lead.score_changed`). */
export interface ScoreEventRules {
  /** Totals whose crossing (either way) is announced: the MQL threshold and any configured ones. */
  thresholds: readonly number[];
  /** A move of at least this much since the last announced total is announced too (> 0). */
  minChange: number;
}

export interface ScoreAnnouncement {
  reason: 'threshold' | 'change';
  /** The thresholds between the last announced total and this one, ascending. */
  crossed: number[];
}

/**
 * Compares with the total last announced (0 before the first, like a new lead's score), not with
 * the previous score: many small moves that add up to `minChange` are announced once they do.
 * A total equal to a threshold counts as having reached it.
 */
export function scoreAnnouncement(
  announced: number | null,
  total: number,
  rules: ScoreEventRules,
): ScoreAnnouncement | null {
  const previous = announced ?? 0;
  const crossed = [...new Set(rules.thresholds)]
    .filter((threshold) => previous >= threshold !== total >= threshold)
    .sort((a, b) => a - b);
  if (crossed.length > 0) return { reason: 'threshold', crossed };
  if (Math.abs(total - previous) >= rules.minChange) return { reason: 'change', crossed };
  return null;
}
