import { DAY_MS, roundPoints } from './score';

/**
 * The decaying part of a score at the moment it was computed, summed per half-life: the score at a
 * later time t is `total + Σ points × (0.5^((t − scoredAt) / halfLife) − 1)`. Every engagement
 * contribution decays from its own time, but 0.5^((t − tᵢ)/h) = 0.5^((scoredAt − tᵢ)/h) ×
 * 0.5^((t − scoredAt)/h), so one term per half-life is exact. This is what lets SQL (the
 * `funnel.score_decay` function) give the live score without the events.
 */
export interface DecayTerm {
  halfLifeDays: number;
  points: number;
}

/** The change of a stored score between `scoredAt` and `at` (never before `scoredAt`). */
export function decayChange(terms: readonly DecayTerm[], scoredAt: number, at: number): number {
  const elapsed = Math.max(0, at - scoredAt);
  let change = 0;
  for (const term of terms)
    change += term.points * (0.5 ** (elapsed / (term.halfLifeDays * DAY_MS)) - 1);
  return change;
}

/** A stored total brought to `at`, rounded like every score (mirrors the SQL in lead queries). */
export function decayedTotal(
  total: number,
  terms: readonly DecayTerm[],
  scoredAt: number,
  at: number,
): number {
  return roundPoints(total + decayChange(terms, scoredAt, at));
}
