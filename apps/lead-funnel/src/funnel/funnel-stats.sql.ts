import type { FunnelGroupBy } from '@sales-suite/contracts';
import { cohortSpans } from '../domain/funnel-rollup';

/** The lead column of each grouping (fixed SQL: never the caller's text). */
const GROUP_COLUMN: Record<FunnelGroupBy, string> = {
  source: 'source',
  territory: 'territory_id',
  owner: 'owner_id',
};

/**
 * The two statements of the funnel figures for leads created in [from, to) (the service runs
 * them; the scale benchmark explains them): the rollup for the whole UTC days the window covers,
 * the lead rows for the parts of days at its ends. `counts` gives the leads per distinct group
 * key, stage, lost reason, stages reached and moves; `middles` the two middle lengths of each
 * stage's completed visits per group and overall, from the visits counted per exact length (the
 * first length whose running count reaches half, ascending and descending: the values
 * percentile_disc(0.5) gives; their mean is the median). Without `groupBy` the source rows serve.
 */
export function funnelStatsStatements(
  groupBy: FunnelGroupBy | null,
  from: Date,
  to: Date,
): { counts: string; middles: string; parameters: unknown[] } {
  const dimension = groupBy ?? 'source';
  const column = GROUP_COLUMN[dimension];
  const { days, edges } = cohortSpans(from, to);
  // $1 the grouping, $2–$3 the whole days, then each edge's [from, to).
  const parameters: unknown[] = [dimension, ...(days ?? ['infinity', 'infinity'])];
  const edgeRange = edges.length
    ? edges
        .map(([start, end]) => {
          parameters.push(start.toISOString(), end.toISOString());
          return `(created_at >= $${parameters.length - 1} AND created_at < $${parameters.length})`;
        })
        .join(' OR ')
    : 'false';
  return {
    counts: `SELECT key, stage, lost_reason, stages_reached, stage_moves, sum(leads)::int AS leads
      FROM (
        SELECT key, stage, lost_reason, stages_reached, stage_moves, leads
        FROM funnel.funnel_cohort_days
        WHERE dimension = $1 AND day >= $2 AND day < $3 AND leads <> 0
        UNION ALL
        SELECT ${column}, stage, lost_reason, stages_reached, stage_moves, 1
        FROM funnel.leads WHERE ${edgeRange}
      ) c
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(leads) > 0`,
    middles: `WITH lengths AS (
        SELECT GROUPING(key) = 1 AS overall, key, stage, seconds, sum(visits) AS visits
        FROM (
          SELECT key, stage, seconds, visits
          FROM funnel.funnel_stage_lengths
          WHERE dimension = $1 AND day >= $2 AND day < $3 AND visits <> 0
          UNION ALL
          SELECT ${column}, v.stage, v.seconds, 1
          FROM funnel.leads, unnest(stage_path, visit_seconds) AS v(stage, seconds)
          WHERE (${edgeRange}) AND v.seconds IS NOT NULL
        ) l
        GROUP BY GROUPING SETS ((key, stage, seconds), (stage, seconds))
        HAVING sum(visits) > 0
      ), running AS (
        SELECT *, sum(visits) OVER (PARTITION BY overall, key, stage ORDER BY seconds) AS upto,
               sum(visits) OVER (PARTITION BY overall, key, stage) AS total
        FROM lengths
      )
      SELECT key, overall, stage,
             min(seconds) FILTER (WHERE upto * 2 >= total) AS lower,
             max(seconds) FILTER (WHERE (total - upto + visits) * 2 >= total) AS upper
      FROM running GROUP BY overall, key, stage`,
    parameters,
  };
}
